/** ProfilePort over Graph's /me (User.Read): the display name and the directory's company name. */
import type { Profile, ProfilePort } from '../../core/ports/profile';
import type { GraphClient } from '../http/graphClient';
import { queryString } from '../http/odata';

interface MeResponse {
  readonly displayName?: unknown;
  readonly companyName?: unknown;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export class GraphProfile implements ProfilePort {
  private readonly client: GraphClient;

  constructor(options: { readonly client: GraphClient }) {
    this.client = options.client;
  }

  async me(): Promise<Profile> {
    const body = await this.client.json({ method: 'GET', url: `/me${queryString({ $select: 'displayName,companyName' })}` });
    const fields: MeResponse = typeof body === 'object' && body !== null ? body : {};
    return { displayName: text(fields.displayName) ?? '', organisation: text(fields.companyName) };
  }
}
