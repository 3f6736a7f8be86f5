/**
 * A view whose code is loaded only when it is needed (its own chunk, outside the page's first-paint JavaScript).
 * Unlike React.lazy, a view whose code is already loaded renders at once, so `preload()` started early (when the
 * parent's code loads) makes switching to it instant. While loading it shows a spinner; a chunk that cannot be
 * loaded (network, a new deployment) shows what happened with a way to try again, never a blank pane.
 */
import { useEffect, useState, type ComponentType, type ReactElement } from 'react';
import { SamradError } from '../../core/errors';
import { LoadFailed, Loading } from '../LoadStatus';

export interface LazyView<P extends object> {
  (props: P): ReactElement;
  /** Starts loading the code now; safe to call any number of times. */
  readonly preload: () => void;
}

export function chunkLoadFailed(cause: unknown): SamradError {
  return new SamradError(
    'invalid-input',
    { sv: 'En del av Samråd kunde inte läsas in.', en: 'A part of Samråd could not be loaded.' },
    {
      sv: 'Kontrollera nätverket och försök igen. Om felet består: ladda om sidan (Samråd kan ha uppdaterats).',
      en: 'Check the network and try again. If it keeps failing, reload the page (Samråd may have been updated).',
    },
    { cause },
  );
}

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (cause: unknown) => {
        // Not kept: the next attempt loads again.
        loading = null;
        throw chunkLoadFailed(cause);
      },
    );
    return loading;
  };

  function LazyViewComponent(props: P): ReactElement {
    const [current, setCurrent] = useState<ComponentType<P> | null>(() => loaded);
    const [failure, setFailure] = useState<{ readonly error: unknown } | null>(null);
    const [attempt, setAttempt] = useState(0);
    useEffect(() => {
      if (current !== null) return;
      let mounted = true;
      start().then(
        (component) => {
          if (mounted) setCurrent(() => component);
        },
        (error: unknown) => {
          if (mounted) setFailure({ error });
        },
      );
      return () => {
        mounted = false;
      };
    }, [current, attempt]);
    if (current !== null) {
      const View = current;
      return <View {...props} />;
    }
    if (failure !== null) {
      return (
        <LoadFailed
          error={failure.error}
          onRetry={() => {
            setFailure(null);
            setAttempt((n) => n + 1);
          }}
        />
      );
    }
    return <Loading />;
  }

  return Object.assign(LazyViewComponent, {
    preload: (): void => {
      // A failed preload is shown when the view is rendered (it loads again then); nothing is lost here.
      start().catch(() => undefined);
    },
  });
}
