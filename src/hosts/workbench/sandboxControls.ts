/**
 * The workbench page's handle on the local sandbox: its people, the fault switches and reset, and the scenario
 * (which calendar item Outlook has open, which meeting chat Teams is in) — what a real Outlook or Teams would
 * tell the faces. Speaks only to the sandbox's own /sandbox controls, never to Graph.
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

export interface SandboxControls {
  people(): Promise<readonly SandboxPersonInfo[]>;
  scenario(): Promise<Scenario>;
  setFaults(faults: Partial<FaultSwitches>): Promise<void>;
  reset(): Promise<void>;
}

function failed(what: string, status: number): SamradError {
  return new SamradError(
    'invalid-input',
    { sv: `Sandlådan svarade inte på ${what} (HTTP ${status}).`, en: `The sandbox did not answer ${what} (HTTP ${status}).` },
    {
      sv: 'Kontrollera att npm start fortfarande körs och ladda om sidan.',
      en: 'Check that npm start is still running and reload the page.',
    },
  );
}

export function sandboxControls(origin: string, fetchImpl: typeof fetch = fetch): SandboxControls {
  const call = async (path: string, init?: RequestInit): Promise<Response> => {
    let response: Response;
    try {
      response = await fetchImpl(new URL(`/sandbox/${path}`, origin), init);
    } catch (cause) {
      throw new SamradError(
        'invalid-input',
        { sv: `Sandlådan gick inte att nå (${path}).`, en: `The sandbox could not be reached (${path}).` },
        {
          sv: 'Kontrollera att npm start fortfarande körs och ladda om sidan.',
          en: 'Check that npm start is still running and reload the page.',
        },
        { cause },
      );
    }
    if (!response.ok) throw failed(path, response.status);
    return response;
  };
  const json = async <T>(path: string): Promise<T> => (await (await call(path)).json()) as T;
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
  };
}
