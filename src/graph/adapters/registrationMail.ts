/**
 * RegistrationMailPort over the inbox: every mail received since an instant, oldest first, all pages. Read-only
 * (Mail.Read): registration mails are public records and are never moved, flagged or deleted.
 */
import type { IncomingMail, RegistrationMailPort } from '../../core/ports/registrationMail';
import type { GraphClient } from '../http/graphClient';
import { mailboxRoot, queryString } from '../http/odata';
import { MESSAGE_SELECT, toIncomingMail } from '../mappers/message';
import type { AdapterOptions } from './options';

/** Graph's page size for messages is at most 1000; 50 keeps each answer small and the first page quick. */
const DEFAULT_PAGE_SIZE = 50;

export class GraphRegistrationMail implements RegistrationMailPort {
  private readonly client: GraphClient;
  private readonly root: string;
  private readonly pageSize: number;

  constructor(options: Pick<AdapterOptions, 'client' | 'mailbox'> & { readonly pageSize?: number }) {
    this.client = options.client;
    this.root = mailboxRoot(options.mailbox ?? 'me');
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
    const items = await this.client.all(url);
    return items.map(toIncomingMail);
  }
}
