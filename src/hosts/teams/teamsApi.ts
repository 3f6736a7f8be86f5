/**
 * The part of teams-js Samråd uses, as a type. Every function in src/hosts/teams/ takes it as a parameter instead of
 * importing teams-js, so tests pass a fake bridge and the page passes the real module (loadTeamsApi). Each member
 * is a structural subset of teams-js 2.58: `loadTeamsApi` returns the real module as a TeamsApi, so the type
 * checker proves that it fits.
 */

/** teams-js's SdkError: a numeric ErrorCode (e.g. 1000 permission denied, 501 not in this context) and a debug text. */
export interface TeamsSdkError {
  readonly errorCode: number;
  readonly message?: string | undefined;
}

/** The fields of teams-js's `app.Context` that Samråd reads; every one may be missing in some host or frame. */
export interface TeamsJsContext {
  readonly app: {
    /** e.g. "sv-se", "en-us". */
    readonly locale: string;
    /** "default", "dark", "contrast" (or "glass" in newer hosts). */
    readonly theme: string;
  };
  readonly page: {
    /** teams-js's FrameContexts: "content", "sidePanel", "meetingStage", "settings", "remove", "task", … */
    readonly frameContext: string;
  };
  /** Undefined for a participant who joined anonymously (documented in teams-js's Context). */
  readonly user?:
    | {
        readonly id: string;
        readonly licenseType?: string | undefined;
        readonly userPrincipalName?: string | undefined;
      }
    | undefined;
  readonly chat?: { readonly id: string } | undefined;
  readonly meeting?: { readonly id: string } | undefined;
}

export type TeamsCallback<T> = (error: TeamsSdkError | null, result: T | null) => void;

export interface TeamsApi {
  readonly app: {
    initialize(): Promise<void>;
    getContext(): Promise<TeamsJsContext>;
    /** teams-js keeps one handler: registering again replaces the previous one. */
    registerOnThemeChangeHandler(handler: (theme: string) => void): void;
  };
  readonly meeting: {
    shareAppContentToStage(callback: TeamsCallback<boolean>, appContentUrl: string): void;
    getAppContentStageSharingCapabilities(callback: TeamsCallback<{ readonly doesAppHaveSharePermission: boolean }>): void;
    getAppContentStageSharingState(callback: TeamsCallback<{ readonly isAppSharing: boolean }>): void;
  };
}

/**
 * The real teams-js, loaded on demand so that only the Teams pages carry it (it also fetches Microsoft's list of
 * valid domains when it is imported).
 */
export async function loadTeamsApi(): Promise<TeamsApi> {
  const teams: TeamsApi = await import('@microsoft/teams-js');
  return teams;
}
