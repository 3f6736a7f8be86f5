/**
 * RegistrationMailPort over the inbox: every mail received since an instant, oldest first, all pages. Read-only
 * (Mail.Read): registration mails are public records and are never moved, flagged or deleted. A consultation may
 * name a shared mailbox instead of the organiser's own (Mail.Read.Shared): Exchange serves it only to the people it
 * is shared with, and the refusal says so in words the organiser can act on.
 */
import { PortError } from '../../core/ports/errors';
import type { IncomingMail, RegistrationMailPort } from '../../core/ports/registrationMail';
import type { GraphClient } from '../http/graphClient';
import { isGraphError } from '../http/graphError';
import { mailboxRoot, queryString } from '../http/odata';
import { MESSAGE_SELECT, toIncomingMail } from '../mappers/message';
import type { AdapterOptions } from './options';

/** Graph's page size for messages is at most 1000; 50 keeps each answer small and the first page quick. */
const DEFAULT_PAGE_SIZE = 50;

/**
 * A refused or unknown shared mailbox, explained. The address is not repeated in the message (errors reach logs,
 * see withoutMailbox in graphError.ts): the organiser sees it in the consultation's settings.
 */
function sharedMailboxError(error: unknown): unknown {
  if (!isGraphError(error)) return error;
  if (error.status === 403) {
    return new PortError(
      'forbidden',
      {
        sv: 'Anmälningarna kan inte läsas: den delade brevlådan som samrådet anger är inte delad med dig.',
        en: 'The registrations cannot be read: the shared mailbox the consultation names is not shared with you.',
      },
      {
        sv: 'Be den som administrerar brevlådan att ge dig fullständig åtkomst till den (Exchange), och att Samråd har behörigheten Mail.Read.Shared. Eller ta bort den delade brevlådan ur samrådet, så läses din egen inkorg.',
        en: 'Ask whoever administers the mailbox to give you full access to it (Exchange), and check that Samråd has the Mail.Read.Shared permission. Or remove the shared mailbox from the consultation, and your own inbox is read instead.',
      },
      { cause: error },
    );
  }
  if (error.status === 404) {
    return new PortError(
      'not-found',
      {
        sv: 'Anmälningarna kan inte läsas: det finns ingen brevlåda med den adress samrådet anger.',
        en: 'The registrations cannot be read: there is no mailbox with the address the consultation names.',
      },
      {
        sv: 'Kontrollera den delade brevlådans adress i samrådet, eller ta bort den så läses din egen inkorg.',
        en: "Check the shared mailbox's address in the consultation, or remove it and your own inbox is read instead.",
      },
      { cause: error },
    );
  }
  return error;
}

export class GraphRegistrationMail implements RegistrationMailPort {
  private readonly client: GraphClient;
  private readonly root: string;
  private readonly shared: boolean;
  private readonly pageSize: number;

  constructor(options: Pick<AdapterOptions, 'client' | 'mailbox'> & { readonly pageSize?: number }) {
    this.client = options.client;
    const mailbox = options.mailbox ?? 'me';
    this.root = mailboxRoot(mailbox);
    this.shared = mailbox !== 'me';
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  }

  async mailsSince(since: number): Promise<readonly IncomingMail[]> {
    // An unquoted DateTimeOffset literal in UTC, as Graph's $filter wants it.
    const from = new Date(since).toISOString();
    const url =
      `${this.root}/mailFolders/inbox/messages` +
      queryString({
        // The $orderby property must come first in $filter, or Exchange answers InefficientFilter.
        $filter: `receivedDateTime ge ${from}`,
        $orderby: 'receivedDateTime asc',
        $select: MESSAGE_SELECT.join(','),
        $top: this.pageSize,
      });
    let items: unknown[];
    try {
      items = await this.client.all(url);
    } catch (error) {
      throw this.shared ? sharedMailboxError(error) : error;
    }
    return items.map(toIncomingMail);
  }
}
