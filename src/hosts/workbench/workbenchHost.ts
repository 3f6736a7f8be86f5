/**
 * The workbench host: a face of Samråd shown in a frame of the local workbench, signed in as a sandbox person
 * chosen in the workbench (`?person=…`). Its tokens come from the sandbox's token endpoint; nothing else
 * differs from a real host, so the production Graph code runs unchanged against the sandbox. Extra permissions
 * (Mail.ReadWrite for reply drafts) are the sandbox's consent state: asking for one records the person's consent
 * through the sandbox's control, as if they had said yes to Entra ID's consent prompt.
 */
import { SamradError } from '../../core/errors';
import { languageFromUrl, type ExtraScopes, type Host } from '../host';
import { sandboxControls } from './sandboxControls';

export interface WorkbenchHost extends Host {
  readonly kind: 'workbench';
  /** The sandbox person this face is signed in as (their sandbox id). */
  readonly person: string;
  /** Where Graph is: the sandbox, on the workbench's own origin. */
  readonly graphBaseUrl: string;
  readonly extraScopes: ExtraScopes;
}

interface TokenResponse {
  readonly accessToken: string;
}

function isTokenResponse(value: unknown): value is TokenResponse {
  return typeof value === 'object' && value !== null && typeof (value as { accessToken?: unknown }).accessToken === 'string';
}

export function createWorkbenchHost(url: URL, fetchImpl: typeof fetch = fetch): WorkbenchHost {
  const person = url.searchParams.get('person');
  if (person === null || person === '') {
    throw new SamradError(
      'invalid-input',
      { sv: 'Arbetsbänken angav ingen inloggad person.', en: 'The workbench named no signed-in person.' },
      { sv: 'Öppna sidan från arbetsbänken och välj en person.', en: 'Open the page from the workbench and choose a person.' },
    );
  }
  let token: Promise<string> | null = null;
  const fetchToken = async (): Promise<string> => {
    const response = await fetchImpl(new URL('/sandbox/token', url.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ person }),
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok || !isTokenResponse(body)) {
      throw new SamradError(
        'invalid-input',
        {
          sv: `Sandlådan loggade inte in ${person} (HTTP ${response.status}).`,
          en: `The sandbox did not sign in ${person} (HTTP ${response.status}).`,
        },
        {
          sv: 'Välj en annan person eller återställ sandlådan i arbetsbänken.',
          en: 'Choose another person or reset the sandbox in the workbench.',
        },
      );
    }
    return body.accessToken;
  };
  const controls = sandboxControls(url.origin, { fetch: fetchImpl });
  // A token per extra scope, kept for the page's life once it was given; a failure is not kept.
  const scopeTokens = new Map<string, Promise<string>>();
  const scopeToken = (scope: string): Promise<string> => {
    const known = scopeTokens.get(scope);
    if (known !== undefined) return known;
    const fresh = controls.token(person, [scope]).catch((error: unknown) => {
      scopeTokens.delete(scope);
      throw error;
    });
    scopeTokens.set(scope, fresh);
    return fresh;
  };
  const extraScopes: ExtraScopes = {
    granted: async (scope) => ((await controls.consent()).granted[person] ?? []).includes(scope),
    request: async (scope) => {
      // The workbench stands in for the consent prompt, and the person says yes: the consent is recorded, and a
      // token issued after it carries the scope.
      await controls.setConsent(person, scope, true);
      scopeTokens.delete(scope);
      await scopeToken(scope);
      return true;
    },
    token: scopeToken,
  };
  return {
    kind: 'workbench',
    language: languageFromUrl(url),
    person,
    extraScopes,
    graphBaseUrl: new URL('/v1.0', url.origin).toString(),
    getAccessToken: () => {
      // One request per page: the sandbox token stays valid for the page's life. A failure is not cached.
      token ??= fetchToken().catch((error: unknown) => {
        token = null;
        throw error;
      });
      return token;
    },
  };
}
