/**
 * ReplyDraftPort over Graph: a draft is `POST /me/messages`, which Exchange files in the Drafts folder and never
 * sends; the official reads and sends it from Outlook. It needs Mail.ReadWrite, a permission the app does not ask
 * for at sign-in, so the host supplies it separately (ExtraPermission): whether it is granted, asking for it, and
 * a token that carries it. The body goes as text, never HTML, so whatever a registration put in a name stays text.
 */
import type { Bilingual } from '../../core/errors';
import { PortError } from '../../core/ports/errors';
import type { CreatedDraft, DraftPermission, ReplyDraft, ReplyDraftPort } from '../../core/ports/replyDrafts';
import { GraphClient, type GraphClientOptions } from '../http/graphClient';
import { isGraphError, isRecord } from '../http/graphError';

/** The delegated permission drafts need (Graph's least privileged one for creating a message). */
export const DRAFT_SCOPE = 'Mail.ReadWrite';

/**
 * A permission beyond the sign-in ones, as the host can handle it: in a tenant MSAL (silent token = granted, the
 * consent popup = request), in the workbench the sandbox's consent control standing in for the prompt.
 */
export interface ExtraPermission {
  /** Whether the person has granted the scope, found without prompting anyone. */
  granted(scope: string): Promise<boolean>;
  /** Asks the person for it; true when it is granted afterwards. */
  request(scope: string): Promise<boolean>;
  /** An access token that carries the scope (asked only after it is granted). */
  token(scope: string): Promise<string>;
}

export interface ReplyDraftsOptions {
  readonly permission: ExtraPermission;
  /** How to reach Graph (base URL, fetch, retries); the token is always the one carrying DRAFT_SCOPE. */
  readonly client?: Omit<GraphClientOptions, 'tokens'>;
}

const PERMISSION_MISSING = {
  what: {
    sv: 'Samråd får inte skapa utkast i din brevlåda: behörigheten Mail.ReadWrite är inte given. Inget utkast skapades.',
    en: 'Samråd may not create drafts in your mailbox: the Mail.ReadWrite permission has not been granted. No draft was created.',
  },
  hint: {
    sv: 'Ge Samråd behörigheten att skapa utkast (Mail.ReadWrite) när Samråd frågar, eller be er Microsoft 365-administratör att godkänna den för organisationen. Allt annat fungerar utan den.',
    en: 'Give Samråd the permission to create drafts (Mail.ReadWrite) when Samråd asks, or ask your Microsoft 365 administrator to approve it for the organisation. Everything else works without it.',
  },
} as const satisfies { what: Bilingual; hint: Bilingual };

function permissionMissing(cause?: unknown): PortError {
  return new PortError(
    'permission-missing',
    PERMISSION_MISSING.what,
    PERMISSION_MISSING.hint,
    cause === undefined ? undefined : { cause },
  );
}

/** Graph's message, as much of it as a new draft needs: recipients, subject, and the body as text. */
export function draftMessage(draft: ReplyDraft): Record<string, unknown> {
  return {
    subject: draft.subject,
    body: { contentType: 'text', content: draft.bodyText },
    toRecipients: draft.to.map(({ name, email }) => ({
      emailAddress: name.trim() === '' ? { address: email } : { address: email, name },
    })),
  };
}

function createdDraftOf(answer: unknown): CreatedDraft {
  const id = isRecord(answer) ? answer['id'] : undefined;
  const webLink = isRecord(answer) ? answer['webLink'] : undefined;
  if (typeof id !== 'string' || id === '' || (webLink !== undefined && webLink !== null && typeof webLink !== 'string')) {
    throw new PortError(
      'invalid-response',
      {
        sv: 'Microsoft Graph svarade på det nya utkastet utan dess id.',
        en: 'Microsoft Graph answered the new draft without its id.',
      },
      {
        sv: 'Utkastet kan ändå ha skapats: se efter i mappen Utkast i Outlook innan du försöker igen. Rapportera felet.',
        en: 'The draft may have been created anyway: look in the Drafts folder in Outlook before trying again. Report the error.',
      },
    );
  }
  return { id, webLink: typeof webLink === 'string' && webLink !== '' ? webLink : null };
}

export class GraphReplyDrafts implements ReplyDraftPort {
  private readonly permissionOf: ExtraPermission;
  private readonly client: GraphClient;

  constructor(options: ReplyDraftsOptions) {
    this.permissionOf = options.permission;
    this.client = new GraphClient({ ...options.client, tokens: { getToken: () => options.permission.token(DRAFT_SCOPE) } });
  }

  async permission(): Promise<DraftPermission> {
    return (await this.permissionOf.granted(DRAFT_SCOPE)) ? 'granted' : 'not-granted';
  }

  async requestPermission(): Promise<DraftPermission> {
    return (await this.permissionOf.request(DRAFT_SCOPE)) ? 'granted' : 'not-granted';
  }

  async createDraft(draft: ReplyDraft): Promise<CreatedDraft> {
    // Asked first, so that without the permission nothing is sent at all (not even a request Graph would refuse).
    if (!(await this.permissionOf.granted(DRAFT_SCOPE))) throw permissionMissing();
    try {
      // POST without If-Match is not repeated after a lost answer: a second send would make a second draft.
      return createdDraftOf(await this.client.json({ method: 'POST', url: '/me/messages', json: draftMessage(draft) }));
    } catch (error) {
      // The permission was taken back after the check, or the token predates it: Exchange says access denied.
      if (isGraphError(error) && error.status === 403) throw permissionMissing(error);
      throw error;
    }
  }
}
