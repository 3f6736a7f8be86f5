/**
 * The contract of the local Microsoft 365 sandbox: what tests, benchmarks and the workbench server use to start
 * it and to steer it. The Graph side of it is Microsoft Graph v1.0 itself (same paths, shapes and errors); this
 * file only names the sandbox's own controls.
 */

/** Faults injected the way Microsoft's Dev Proxy does; rates are 0–1, drawn per Graph request. */
export interface FaultSettings {
  /** Added to every Graph response. */
  readonly latencyMs: number;
  /** Share of requests answered 429 Too Many Requests with Retry-After. */
  readonly rate429: number;
  /** Share of requests answered 503 Service Unavailable (with Retry-After). */
  readonly rate503: number;
  /** Share of requests whose connection is destroyed without an answer, before the request is handled. */
  readonly rateDrop: number;
  /**
   * Share of requests that are handled (a write is applied) but whose answer is lost: the connection is destroyed
   * instead of answering. Dev Proxy cannot do this; real networks do, and it is what makes a retry dangerous.
   */
  readonly rateLostAnswer: number;
  /** The Retry-After the sandbox sends, in seconds. */
  readonly retryAfterSeconds: number;
  /** Seed of the fault dice, so a failing run can be replayed. */
  readonly seed: number;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  rate429: 0,
  rate503: 0,
  rateDrop: 0,
  rateLostAnswer: 0,
  retryAfterSeconds: 1,
  seed: 1,
};

/**
 * Per-request fault header, for tests: `x-sandbox-fault: 429` | `503` | `drop` | `lost` | `latency=250`.
 * It applies to that one request only, on top of the settings.
 */
export const FAULT_HEADER = 'x-sandbox-fault';

/**
 * How a person stands to the ministry's tenant, which decides what Graph lets them reach (sandbox/README.md, "Who is
 * in the tenant"):
 * - `member`: an account in the ministry's tenant (the default): mailbox, calendar, Teams, everything.
 * - `guest`: a B2B guest account in the ministry's tenant. In Teams they are the guest and reach the meeting chat they
 *   are a member of, but the guest account has no mailbox there (Graph: 404 MailboxNotEnabledForRESTAPI). Their
 *   invitation goes to their own organisation's mailbox, which they reach by signing in at home.
 * - `external`: a Teams user of another organisation (federated, "external access"), signed in to their own tenant:
 *   their own mailbox yes, the ministry's chats and online meetings no.
 * - `email-only`: never in Teams; only their own mailbox, where the invitation arrives.
 */
export type SandboxAccess = 'member' | 'guest' | 'external' | 'email-only';

/**
 * Which tenant a token was issued by: the ministry's (`ministry`), or the person's own organisation's (`home`). For a
 * member the two are one. Guests sign in to either; external and e-mail-only people only at home.
 */
export type SandboxTenant = 'ministry' | 'home';

export interface SandboxPerson {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string; // also the userPrincipalName
  readonly organisation: string;
  readonly role: 'organiser' | 'presenter' | 'participant';
  /** Absent: `member`. */
  readonly access?: SandboxAccess;
}

export interface SandboxOptions {
  /** 0 (default) picks a free port. Always bound to 127.0.0.1. */
  readonly port?: number;
  /** Where state.json lives; created if missing. State survives a restart with the same folder. */
  readonly dataDir: string;
  readonly faults?: Partial<FaultSettings>;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:41234 — Graph is under `${origin}/v1.0`, the controls under `${origin}/sandbox`. */
  readonly origin: string;
  readonly graphBaseUrl: string;
  readonly people: readonly SandboxPerson[];
  /**
   * A bearer token that signs in as this person (by id or mail), carrying the sign-in scopes and the extra ones the
   * person has consented to; with `scopes`, exactly those (a request can still use only what the person may grant).
   * `tenant` is where they sign in: by default the ministry's for members and guests, their own organisation's for
   * external and e-mail-only people; asking for the ministry's tenant for one of the latter throws, as Entra ID
   * refuses them (AADSTS50020).
   */
  tokenFor(person: string, scopes?: readonly string[], tenant?: SandboxTenant): string;
  setFaults(faults: Partial<FaultSettings>): void;
  /** Restores the seed state (and writes it). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** Who has consented to which of the app's extra scopes (those it asks for only when a feature needs them). */
export interface ConsentState {
  /** The extra scopes a person can consent to, e.g. Mail.ReadWrite (reply drafts). */
  readonly extraScopes: readonly string[];
  /** Person id → the extra scopes they have consented to; people who have consented to none are left out. */
  readonly granted: Readonly<Record<string, readonly string[]>>;
}

/** A mailbox shared with some people (Exchange's FullAccess): they read its mail with Mail.Read.Shared. */
export interface SharedMailboxInfo {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
  /** Person ids. */
  readonly delegates: readonly string[];
}

/**
 * HTTP controls under /sandbox (no token needed; loopback only):
 *   GET  /sandbox/people                 → SandboxPerson[]
 *   POST /sandbox/token  {"person": id, "scopes"?: string[], "tenant"?: "ministry" | "home"}
 *                                        → {"accessToken", "tokenType", "person", "scopes", "tenant"}: a token with the
 *                                          sign-in scopes and every extra one the person has consented to, issued by
 *                                          the tenant asked for (default: see SandboxTenant); 403 consent_required
 *                                          when `scopes` names an extra scope not consented to; 400 invalid_request
 *                                          (AADSTS50020) when an external or e-mail-only person asks for the
 *                                          ministry's tenant
 *   GET  /sandbox/consent                → ConsentState
 *   POST /sandbox/consent {"person", "scope", "granted"}
 *                                        → ConsentState, after the person's consent to the extra scope was given
 *                                          (true) or taken back (false); stands in for Entra ID's consent prompt
 *   GET  /sandbox/mailboxes              → SharedMailboxInfo[]: the shared mailboxes and who may read them
 *   GET  /sandbox/faults                 → FaultSettings
 *   PUT  /sandbox/faults {partial}       → FaultSettings
 *   GET  /sandbox/scenario               → {"organiserEventId", "organiserId", "iCalUId", "chatId", "joinUrl"}: the
 *                                          calendar item Outlook has open for the organiser, the meeting's iCalUId
 *                                          (attendees' own copies share it) and the meeting chat Teams gives the app
 *   GET  /sandbox/live-share/{meeting}   → {"containerId": string | null}: the meeting's Live Share container
 *   PUT  /sandbox/live-share/{meeting} {"containerId": id | null} → {"containerId": the id kept}: the first id
 *                                          offered is kept (Teams answers a later one with Conflict); null forgets it
 *   POST /sandbox/reset                  → 204 (also forgets the Live Share containers)
 */
export const SANDBOX_CONTROL_PREFIX = '/sandbox';
