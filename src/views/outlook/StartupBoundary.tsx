/**
 * The last line against a blank pane: a view that throws while rendering would otherwise unmount the whole page.
 * The boundary shows what happened, in the person's language when it is known, and offers to reload.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Language } from '../i18n';
import { StartupFailed } from './StartupStatus';

interface Props {
  readonly language: Language | null;
  readonly onReload: () => void;
  readonly children: ReactNode;
  /** Where the error is also reported (the console in production); tests record it. */
  readonly onError?: (error: unknown, info: ErrorInfo) => void;
}

interface State {
  readonly error: { readonly value: unknown } | null;
}

export class StartupBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: { value: error } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <StartupFailed
        error={this.state.error.value}
        language={this.props.language}
        action={{ kind: 'reload', run: this.props.onReload }}
      />
    );
  }
}
