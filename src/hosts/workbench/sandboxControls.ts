/**
 * The workbench page's handle on the local sandbox: its people, the fault switches and reset, the scenario (which
 * calendar item Outlook has open, which meeting chat Teams is in) — what a real Outlook or Teams would tell the
 * faces — and people's consent to the app's extra scopes, standing in for Entra ID's consent prompt. One action
 * speaks Graph: answering the invitation as a person, standing in for Outlook's own Accept / Tentative / Decline.
 */
import { SamradError } from '../../core/errors';

export interface SandboxPersonInfo {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
  readonly organisation: string;
  readonly role: 'organiser' | 'presenter' | 'participant';
}

export interface FaultSwitches {
  readonly latencyMs: number;
  readonly rate429: number;
  readonly rate503: number;
  readonly rateDrop: number;
  /** Handled, but the answer is lost on the way back. */
  readonly rateLostAnswer: number;
}

export interface Scenario {
  /** The organiser's calendar item of the consultation (what Outlook has open). */
  readonly organiserEventId: string;
  /** Who organises it: Outlook opens the organiser's item in organiser mode, everyone else's in attendee mode. */
  readonly organiserId: string;
  /** The id every copy of the meeting shares: an attendee's own copy is found by it. */
  readonly iCalUId: string;
  /** The meeting chat (what Teams gives a meeting app). */
  readonly chatId: string;
}

/** Who has consented to which of the app's extra scopes (GET /sandbox/consent). */
export interface ConsentState {
  readonly extraScopes: readonly string[];
  /** Person id → the extra scopes they have consented to. */
  readonly granted: Readonly<Record<string, readonly string[]>>;
}

/** Outlook's three buttons on a meeting request, as Graph's actions on the attendee's copy of the event. */
export type InvitationAnswer = 'accept' | 'tentativelyAccept' | 'decline';

/**
 * What answering came to: answered; or nothing to answer, because the person has no copy of the meeting (not
 * invited yet), their copy is cancelled (taken off the list), or they organise it.
 */
export type InvitationOutcome = 'answered' | 'no-invitation' | 'cancelled' | 'organiser';

export interface SandboxControls {
  people(): Promise<readonly SandboxPersonInfo[]>;
  scenario(): Promise<Scenario>;
  setFaults(faults: Partial<FaultSwitches>): Promise<void>;
  reset(): Promise<void>;
  consent(): Promise<ConsentState>;
  /** Gives or takes back the person's consent to an extra scope (e.g. Mail.ReadWrite). */
  setConsent(person: string, scope: string, granted: boolean): Promise<ConsentState>;
  /**
   * A token for the person with every scope they have granted; with `scopes`, it fails (SamradError) unless the
   * person has consented to each of them.
   */
  token(person: string, scopes?: readonly string[]): Promise<string>;
  /** Answers the meeting as the person, on their own copy (found by its iCalUId), and mails the organiser. */
  answerInvitation(person: string, iCalUId: string, answer: InvitationAnswer): Promise<InvitationOutcome>;
}

export interface SandboxControlsOptions {
  readonly fetch?: typeof fetch;
  /** How to wait before sending again after the sandbox's injected 429 or 503; tests record instead. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const STILL_RUNNING = {
  sv: 'Kontrollera att npm start fortfarande körs och ladda om sidan.',
  en: 'Check that npm start is still running and reload the page.',
};

function failed(what: string, status: number, message: string): SamradError {
  return new SamradError(
    'invalid-input',
    {
      sv: `Sandlådan svarade HTTP ${status} på ${what}.${message}`,
      en: `The sandbox answered HTTP ${status} to ${what}.${message}`,
    },
    STILL_RUNNING,
  );
}

/** Graph's error message from an error body, when it has one. */
async function graphMessage(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  const error = hasKey(body, 'error') ? body.error : null;
  return hasKey(error, 'message') && typeof error.message === 'string' ? ` ${error.message}` : '';
}

/** Answers to a few Graph calls made on a person's behalf: sent again, a few times, after an injected 429 or 503. */
const ATTEMPTS = 4;
const MAX_WAIT_MS = 2_000;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function hasKey<K extends string>(value: unknown, key: K): value is Record<K, unknown> {
  return typeof value === 'object' && value !== null && key in value;
}

export function sandboxControls(origin: string, options: SandboxControlsOptions = {}): SandboxControls {
  const { fetch: fetchImpl = fetch, sleep = realSleep } = options;
  const call = async (path: string, init?: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchImpl(new URL(`/sandbox/${path}`, origin), init);
    } catch (cause) {
      throw new SamradError(
        'invalid-input',
        { sv: `Sandlådan gick inte att nå (${path}).`, en: `The sandbox could not be reached (${path}).` },
        STILL_RUNNING,
        { cause },
      );
    }
    if (!response.ok) throw failed(path, response.status, await graphMessage(response));
    return response;
  };
  const json = async <T>(path: string): Promise<T> => (await (await call(path)).json()) as T;
  const post = async <T>(path: string, body: unknown): Promise<T> =>
    (await (
      await call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    ).json()) as T;

  const token = async (person: string, scopes?: readonly string[]): Promise<string> => {
    const body: unknown = await post('token', scopes === undefined ? { person } : { person, scopes });
    if (!hasKey(body, 'accessToken') || typeof body.accessToken !== 'string') {
      throw new SamradError(
        'invalid-input',
        { sv: `Sandlådan gav ingen token för ${person}.`, en: `The sandbox gave no token for ${person}.` },
        STILL_RUNNING,
      );
    }
    return body.accessToken;
  };

  /** One Graph call as the person; the sandbox's injected 429 and 503 (refused before any work) are waited out. */
  const graph = async (bearer: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> => {
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        response = await fetchImpl(new URL(`/v1.0${path}`, origin), {
          method,
          headers: {
            authorization: `Bearer ${bearer}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (cause) {
        throw new SamradError(
          'invalid-input',
          {
            sv: `Sandlådans Graph gick inte att nå (${method} ${path}).`,
            en: `The sandbox's Graph could not be reached (${method} ${path}).`,
          },
          STILL_RUNNING,
          { cause },
        );
      }
      if (response.ok) return response;
      if ((response.status === 429 || response.status === 503) && attempt < ATTEMPTS) {
        const seconds = Number(response.headers.get('retry-after'));
        await sleep(Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, MAX_WAIT_MS) : MAX_WAIT_MS / 4);
        continue;
      }
      const message = await graphMessage(response);
      throw new SamradError(
        'invalid-input',
        {
          sv: `Sandlådans Graph svarade ${response.status} på ${method} ${path}.${message}`,
          en: `The sandbox's Graph answered ${response.status} to ${method} ${path}.${message}`,
        },
        {
          sv: 'Försök igen; stäng av felen i Graph i arbetsbänken om de är på, eller återställ sandlådan.',
          en: "Try again; switch off the workbench's Graph failures if they are on, or reset the sandbox.",
        },
      );
    }
  };

  return {
    people: () => json<readonly SandboxPersonInfo[]>('people'),
    scenario: () => json<Scenario>('scenario'),
    setFaults: async (faults) => {
      await call('faults', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
    },
    reset: async () => {
      // JSON, like every change to the controls: the sandbox refuses "simple" requests a foreign page could forge.
      await call('reset', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    },
    consent: () => json<ConsentState>('consent'),
    setConsent: (person, scope, granted) => post<ConsentState>('consent', { person, scope, granted }),
    token,
    answerInvitation: async (person, iCalUId, answer) => {
      const bearer = await token(person);
      const filter = encodeURIComponent(`iCalUId eq '${iCalUId.replaceAll("'", "''")}'`);
      const found: unknown = await (
        await graph(bearer, 'GET', `/me/events?$filter=${filter}&$select=id,isOrganizer,isCancelled`)
      ).json();
      const copies: unknown[] = hasKey(found, 'value') && Array.isArray(found.value) ? found.value : [];
      const copy = copies[0] as { id?: unknown; isOrganizer?: unknown; isCancelled?: unknown } | undefined;
      if (copy === undefined || typeof copy.id !== 'string') return 'no-invitation';
      if (copy.isOrganizer === true) return 'organiser';
      if (copy.isCancelled === true) return 'cancelled';
      // As Outlook's buttons do by default: the organiser gets the answer by mail.
      await graph(bearer, 'POST', `/me/events/${encodeURIComponent(copy.id)}/${answer}`, { sendResponse: true });
      return 'answered';
    },
  };
}
