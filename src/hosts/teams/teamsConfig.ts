/**
 * The configuration step of Samråd's meeting tab. When someone adds the tab to a meeting, Teams opens the manifest's
 * configurationUrl (`config.html?host=teams`) in its "settings" frame, with its own Save button; the page registers
 * what Save does (tell Teams which page the tab shows) and enables the button. Samråd has nothing to choose: the tab
 * always shows the consultation of the meeting it is in, found from the meeting chat.
 *
 * Like teamsApi.ts this is a narrow structural subset of teams-js 2.58 (`pages.config`), taken as a parameter so
 * tests pass a fake; `loadTeamsConfigApi` returns the real module as that type, so the type checker proves it fits.
 * teams-js calls the save handler from its own message handling, where a throw would be lost: every outcome of a
 * save is told to Teams (notifySuccess / notifyFailure) and to the page.
 */
import { SamradError, type Bilingual } from '../../core/errors';
import type { Language } from '../../core/time/format';
import type { TeamsApi } from './teamsApi';
import { teamsSdkErrorDetails, type TeamsSdkErrorDetails } from './teamsHostError';

/** teams-js's SaveEvent, as far as Samråd uses it. */
export interface TeamsSaveEvent {
  notifySuccess(): void;
  /** Teams shows the reason to the person; without one it shows a generic error. */
  notifyFailure(reason?: string): void;
}

/** teams-js's InstanceConfig: what the tab shows. */
export interface TeamsInstanceConfig {
  readonly contentUrl: string;
  readonly entityId?: string;
  readonly websiteUrl?: string;
  readonly suggestedDisplayName?: string;
}

export interface TeamsConfigApi {
  readonly pages: {
    readonly config: {
      /** teams-js keeps one handler: registering again replaces the previous one. Throws outside the settings frame. */
      registerOnSaveHandler(handler: (event: TeamsSaveEvent) => void): void;
      setConfig(config: TeamsInstanceConfig): Promise<void>;
      /** Teams' Save button stays disabled until this is called with true. */
      setValidityState(valid: boolean): void;
    };
  };
}

/** The real teams-js, on demand, as both the host's interface and the configuration one (the same module). */
export async function loadTeamsConfigApi(): Promise<TeamsApi & TeamsConfigApi> {
  const teams: TeamsApi & TeamsConfigApi = await import('@microsoft/teams-js');
  return teams;
}

/** Which kind of failure a TeamsConfigError is. */
export type TeamsConfigErrorReason =
  /** The page is not Teams' configuration frame (opened as a tab's content, or an old client): nothing to save. */
  | 'not-configurable'
  /** Teams did not take the tab's configuration when the person selected Save. */
  | 'save-failed';

export class TeamsConfigError extends SamradError {
  override readonly name: string = 'TeamsConfigError';
  readonly reason: TeamsConfigErrorReason;
  /** teams-js's own error code and message, for a support case. */
  readonly sdk: TeamsSdkErrorDetails | null;

  constructor(reason: TeamsConfigErrorReason, what: Bilingual, hint: Bilingual, cause: unknown) {
    // A host failure reaches the faces as unusable input from the environment; `reason` says which (as TeamsHostError).
    super('invalid-input', what, hint, cause === undefined ? undefined : { cause });
    this.reason = reason;
    this.sdk = teamsSdkErrorDetails(cause);
  }
}

export function isTeamsConfigError(value: unknown, reason?: TeamsConfigErrorReason): value is TeamsConfigError {
  return value instanceof TeamsConfigError && (reason === undefined || value.reason === reason);
}

function notConfigurable(cause: unknown): TeamsConfigError {
  return new TeamsConfigError(
    'not-configurable',
    {
      sv: 'Teams öppnade inte sidan för att lägga till en flik, så det finns inget att spara här.',
      en: 'Teams did not open this page to add a tab, so there is nothing to save here.',
    },
    {
      sv: 'Lägg till Samråd från mötet i Teams: välj + (Lägg till en flik) högst upp i mötet eller mötets chatt och välj Samråd.',
      en: 'Add Samråd from the meeting in Teams: select + (Add a tab) at the top of the meeting or its chat, and choose Samråd.',
    },
    cause,
  );
}

function saveFailed(cause: unknown): TeamsConfigError {
  return new TeamsConfigError(
    'save-failed',
    { sv: 'Teams sparade inte fliken Samråd.', en: 'Teams did not save the Samråd tab.' },
    {
      sv: 'Välj Spara igen. Om det inte hjälper: stäng rutan, lägg till fliken på nytt, och be annars er it-avdelning kontrollera att appen Samråd är tillåten i Teams.',
      en: 'Select Save again. If that does not help, close the dialog and add the tab again; otherwise ask your IT department to check that the Samråd app is allowed in Teams.',
    },
    cause,
  );
}

/** The tab's id in Teams: one kind of content, the consultation of the meeting the tab is in. */
export const MEETING_TAB_ENTITY_ID = 'samrad-meeting';
/** The tab's name in the meeting; Teams lets the person change it, and ignores it when the tab is reconfigured. */
export const MEETING_TAB_DISPLAY_NAME = 'Samråd';

export interface MeetingTabOptions {
  /** The page the tab shows, with `host=teams` so it knows where it runs (see meetingTabUrls). */
  readonly contentUrl: string;
  /** Where "Go to website" leads: a page that works in a browser outside Teams. */
  readonly websiteUrl: string;
  readonly entityId?: string;
  readonly suggestedDisplayName?: string;
  /** The language of the reason Teams shows when saving fails. */
  readonly language: Language;
  /** Teams has taken the configuration (it then closes the dialog and opens the tab). */
  readonly onSaved?: () => void;
  /** Saving failed; Teams has been told, with the reason in `language`. */
  readonly onFailed?: (error: TeamsConfigError) => void;
}

/**
 * Registers what Teams' Save button does and enables it: Save gives Teams the tab's page (setConfig) and then
 * reports success, or reports the failure with a reason in the person's language. Throws a TeamsConfigError
 * 'not-configurable' when teams-js refuses (outside the settings frame).
 */
export function configureMeetingTab(api: TeamsConfigApi, options: MeetingTabOptions): void {
  const instance: TeamsInstanceConfig = {
    entityId: options.entityId ?? MEETING_TAB_ENTITY_ID,
    contentUrl: options.contentUrl,
    websiteUrl: options.websiteUrl,
    suggestedDisplayName: options.suggestedDisplayName ?? MEETING_TAB_DISPLAY_NAME,
  };
  const { language } = options;

  const save = async (event: TeamsSaveEvent): Promise<void> => {
    let failure: TeamsConfigError | null = null;
    try {
      await api.pages.config.setConfig(instance);
    } catch (cause) {
      failure = saveFailed(cause);
    }
    if (failure === null) {
      event.notifySuccess();
      options.onSaved?.();
      return;
    }
    options.onFailed?.(failure);
    event.notifyFailure(`${failure.what[language]} ${failure.hint[language]}`);
  };

  try {
    api.pages.config.registerOnSaveHandler((event) => {
      // Teams' own message handling calls this: whatever goes wrong after setConfig (telling Teams, or the page)
      // still reaches the page, so it never waits silently.
      save(event).catch((cause: unknown) => options.onFailed?.(saveFailed(cause)));
    });
    // Nothing to choose: the configuration is valid as soon as the handler is in place.
    api.pages.config.setValidityState(true);
  } catch (cause) {
    throw notConfigurable(cause);
  }
}

/**
 * The tab's addresses beside the configuration page, so a deployment under a folder (https://example.se/samrad/)
 * keeps it: the meeting page with `host=teams` (Teams gives the language; the page reads it from Teams), and the
 * support page for "Go to website", which needs no Teams around it.
 */
export function meetingTabUrls(configPageUrl: URL): { readonly contentUrl: string; readonly websiteUrl: string } {
  return {
    contentUrl: new URL('teams.html?host=teams', configPageUrl).toString(),
    websiteUrl: new URL('support.html', configPageUrl).toString(),
  };
}
