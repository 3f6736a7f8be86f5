/**
 * ConsultationDocumentPort over the OneDrive app folder (`/me/drive/special/approot`, scope
 * Files.ReadWrite.AppFolder): one JSON file per consultation under Samrad/consultations/. Loads are validated by the
 * core schema; saves carry If-Match, and a 412 is merged three-way (mergeConsultations) and retried.
 */
import type { Bilingual } from '../../core/errors';
import { mergeConsultations, jsonEqual } from '../../core/consultation/merge';
import type { Consultation } from '../../core/consultation/schema';
import { validateConsultation } from '../../core/consultation/validate';
import {
  checkDocumentName,
  documentNamePattern,
  type ConsultationDocumentPort,
  type DocumentListing,
  type SaveResult,
  type StoredConsultation,
} from '../../core/ports/consultationDocument';
import { PortError } from '../../core/ports/errors';
import type { GraphClient, GraphResponse } from '../http/graphClient';
import { isGraphError } from '../http/graphError';
import { DOCUMENT_FOLDER } from '../appFolder';
import { mailboxRoot } from '../http/odata';
import { etagOfDriveItem } from '../mappers/driveItem';
import { DEFAULT_MAX_ROUNDS, type AdapterOptions } from './options';

function invalidDocument(name: string, problems: readonly Bilingual[], cause?: unknown): PortError {
  const shown = (lang: keyof Bilingual): string =>
    problems
      .slice(0, 5)
      .map((p) => p[lang])
      .join('; ') + (problems.length > 5 ? ` (+${problems.length - 5})` : '');
  return new PortError(
    'invalid-document',
    {
      sv: `Samrådsdokumentet ${name}.json i OneDrive är inte giltigt och används inte: ${shown('sv')}.`,
      en: `The consultation document ${name}.json in OneDrive is not valid and is not used: ${shown('en')}.`,
    },
    {
      sv: 'Återställ en tidigare version i OneDrives versionshistorik (appmappen Samrad/consultations), eller rätta filen.',
      en: "Restore an earlier version from OneDrive's version history (app folder Samrad/consultations), or correct the file.",
    },
    cause === undefined ? undefined : { cause },
  );
}

function busyDocument(name: string, rounds: number): PortError {
  return new PortError(
    'document-busy',
    {
      sv: `Samrådsdokumentet ${name} ändrades av någon annan under tiden, ${rounds} gånger i rad; din ändring sparades inte.`,
      en: `The consultation document ${name} was changed by someone else meanwhile, ${rounds} times in a row; your change was not saved.`,
    },
    {
      sv: 'Vänta en stund och spara igen; din ändring finns kvar här.',
      en: 'Wait a moment and save again; your change is still here.',
    },
  );
}

/** A child of the documents folder that is a consultation document: a `<name>.json` file with a valid name. */
function listingOf(item: unknown): DocumentListing | null {
  if (typeof item !== 'object' || item === null) return null;
  const { name, lastModifiedDateTime, file } = item as { name?: unknown; lastModifiedDateTime?: unknown; file?: unknown };
  if (typeof name !== 'string' || !name.endsWith('.json') || file === undefined) return null;
  const documentName = name.slice(0, -'.json'.length);
  const lastModified = typeof lastModifiedDateTime === 'string' ? Date.parse(lastModifiedDateTime) : Number.NaN;
  if (!documentNamePattern.test(documentName) || Number.isNaN(lastModified)) return null;
  return { name: documentName, lastModified };
}

/** Two documents with the same content, whatever their revision counters say. */
function sameContent(a: Consultation, b: Consultation): boolean {
  return jsonEqual({ ...a, revision: 0 }, { ...b, revision: 0 });
}

export class GraphConsultationDocuments implements ConsultationDocumentPort {
  private readonly client: GraphClient;
  private readonly root: string;
  private readonly maxRounds: number;

  constructor(options: AdapterOptions) {
    this.client = options.client;
    this.root = `${mailboxRoot(options.mailbox ?? 'me')}/drive/special/approot:/${DOCUMENT_FOLDER}`;
    this.maxRounds = options.maxRounds ?? DEFAULT_MAX_ROUNDS;
  }

  private itemUrl(name: string): string {
    return `${this.root}/${checkDocumentName(name)}.json:`;
  }

  async list(): Promise<readonly DocumentListing[]> {
    let items: unknown[];
    try {
      items = await this.client.all(`${this.root}:/children?$select=name,lastModifiedDateTime,file`);
    } catch (error) {
      // No folder yet: nobody has saved a consultation in this app folder.
      if (isGraphError(error) && error.code === 'not-found') return [];
      throw error;
    }
    const listed: DocumentListing[] = [];
    for (const item of items) {
      const listing = listingOf(item);
      if (listing !== null) listed.push(listing);
    }
    return listed.sort((a, b) => b.lastModified - a.lastModified || a.name.localeCompare(b.name));
  }

  async load(name: string): Promise<StoredConsultation | null> {
    const url = `${this.itemUrl(name)}/content`;
    let response: GraphResponse;
    try {
      response = await this.client.request({ method: 'GET', url });
    } catch (error) {
      if (isGraphError(error) && error.code === 'not-found') return null;
      throw error;
    }
    let etag = response.headers.get('etag');
    if (etag === null) {
      // A download without ETag (a redirect to storage may drop it): read the item's eTag first, then the content
      // again, so the ETag is never newer than the content it guards.
      etag = etagOfDriveItem(await this.client.json({ method: 'GET', url: `${this.itemUrl(name)}?$select=id,eTag` }));
      response = await this.client.request({ method: 'GET', url });
    }
    return { name, consultation: this.parse(name, response.text), etag };
  }

  private parse(name: string, text: string): Consultation {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      const detail = error instanceof Error ? ` (${error.message})` : '';
      throw invalidDocument(name, [{ sv: `inte giltig JSON${detail}`, en: `not valid JSON${detail}` }], error);
    }
    const result = validateConsultation(data);
    if (!result.ok)
      throw invalidDocument(
        name,
        result.problems.map((p) => ({ sv: `${p.path}: ${p.message.sv}`, en: `${p.path}: ${p.message.en}` })),
      );
    return result.consultation;
  }

  /** PUT with the expected version; null when the stored one is another (412, or 409 for a new document). */
  private async put(name: string, consultation: Consultation, etag: string | null): Promise<string | null> {
    const url =
      etag === null ? `${this.itemUrl(name)}/content?@microsoft.graph.conflictBehavior=fail` : `${this.itemUrl(name)}/content`;
    try {
      const response = await this.client.request({
        method: 'PUT',
        url,
        // A new document must not replace one someone else created meanwhile.
        headers: etag === null ? { 'if-none-match': '*' } : { 'if-match': etag },
        body: `${JSON.stringify(consultation, null, 2)}\n`,
        contentType: 'application/json',
      });
      return etagOfDriveItem(this.client.parse(response, { method: 'PUT', url }));
    } catch (error) {
      if (isGraphError(error) && (error.code === 'precondition-failed' || (etag === null && error.code === 'conflict')))
        return null;
      throw error;
    }
  }

  async save(name: string, base: StoredConsultation | null, mine: Consultation): Promise<SaveResult> {
    checkDocumentName(name);
    let expected = base;
    let edit = mine;
    let merged = false;
    for (let round = 1; round <= this.maxRounds; round += 1) {
      const next: Consultation = { ...edit, revision: (expected?.consultation.revision ?? edit.revision - 1) + 1 };
      const etag = await this.put(name, next, expected?.etag ?? null);
      if (etag !== null) return { ok: true, saved: { name, consultation: next, etag }, merged };

      // Someone saved in between (or our own earlier attempt did, and its answer was lost).
      const theirs = await this.load(name);
      if (theirs === null) return { ok: false, conflicts: ['(document deleted)'], theirs: null };
      if (sameContent(theirs.consultation, next)) return { ok: true, saved: theirs, merged };
      if (expected === null) return { ok: false, conflicts: ['(document)'], theirs };
      const result = mergeConsultations(expected.consultation, edit, theirs.consultation);
      if (!result.ok) return { ok: false, conflicts: result.conflicts, theirs };
      if (sameContent(result.merged, theirs.consultation)) return { ok: true, saved: theirs, merged: true };
      expected = theirs;
      edit = result.merged;
      merged = true;
    }
    throw busyDocument(name, this.maxRounds);
  }
}
