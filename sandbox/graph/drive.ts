/**
 * OneDrive, as far as `Files.ReadWrite.AppFolder` reaches: the app folder (`/drive/special/approot`, which
 * OneDrive puts at /Apps/{app name}) and items in it by path or id. Uploads create missing folders, replace an
 * existing file while keeping the previous content as a version, and honour `If-Match` (eTag or cTag) and
 * `If-None-Match: *` — the optimistic concurrency the consultation document relies on (ADR 0002).
 */
import type { DriveItem, DriveItemVersion, IdentitySet } from '@microsoft/microsoft-graph-types';
import { ROUTE_SCOPES } from '../auth/scopes';
import type { SandboxPerson } from '../contract';
import { GraphError } from '../http/errors';
import { bytes, json, type GraphResponse } from '../http/response';
import { newDriveItemId, newGuid } from '../state/ids';
import type { SandboxState, StoredDrive, StoredDriveItem } from '../state/model';
import { findPerson, mailboxOf } from '../state/people';
import { ownPerson, type MailboxContext } from './context';
import { userContext, type MailboxRoute } from './routes';
import { outlookInstant } from './times';

export const APP_FOLDER_NAME = 'Samråd';

function itemNotFound(): GraphError {
  return new GraphError(404, 'itemNotFound', 'The resource could not be found.');
}

function preconditionFailed(message = "ETag does not match current item's value"): GraphError {
  return new GraphError(412, 'resourceModified', message);
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  json: 'application/json',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  pdf: 'application/pdf',
};

function mimeTypeOf(name: string): string {
  const extension = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
  return MIME_TYPES[extension] ?? 'application/octet-stream';
}

const eTagOf = (item: StoredDriveItem): string => `"{${item.tagGuid}},${item.version}"`;
const cTagOf = (item: StoredDriveItem): string => `"c:{${item.tagGuid}},${item.version}"`;

function sameTag(given: string, item: StoredDriveItem): boolean {
  const bare = (tag: string): string => tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  return [eTagOf(item), cTagOf(item)].some((t) => bare(t) === bare(given));
}

function matchesIfMatch(header: string, item: StoredDriveItem): boolean {
  // A tag contains a comma ("{GUID},3"), so a list of tags cannot be split on commas: compare the whole header.
  return header.trim() === '*' || sameTag(header, item);
}

/** Creates the drive's root and app folder the first time anything touches them, as OneDrive does. */
export function ensureAppFolder(state: SandboxState, owner: SandboxPerson, now: number): StoredDriveItem {
  const drive = mailboxOf(state, owner.id).drive;
  const existing = drive.items.find((i) => i.specialFolder === 'approot');
  if (existing !== undefined) return existing;
  let root = drive.items.find((i) => i.parentId === null);
  if (root === undefined) {
    root = newFolder(state, owner, null, 'root', now);
    drive.items.push(root);
  }
  let apps = drive.items.find((i) => i.parentId === root.id && i.name === 'Apps');
  if (apps === undefined) {
    apps = newFolder(state, owner, root.id, 'Apps', now);
    drive.items.push(apps);
  }
  const appFolder: StoredDriveItem = { ...newFolder(state, owner, apps.id, APP_FOLDER_NAME, now), specialFolder: 'approot' };
  drive.items.push(appFolder);
  return appFolder;
}

function newFolder(
  state: SandboxState,
  owner: SandboxPerson,
  parentId: string | null,
  name: string,
  now: number,
): StoredDriveItem {
  const at = outlookInstant(now).replace('.0000000', '');
  return {
    id: newDriveItemId(state),
    name,
    parentId,
    createdDateTime: at,
    lastModifiedDateTime: at,
    createdById: owner.id,
    lastModifiedById: owner.id,
    tagGuid: newGuid(state),
    version: 1,
  };
}

/** `/Samrad/consultations/a%20b.json` → ['Samrad', 'consultations', 'a b.json']. */
function segmentsOf(path: string): string[] {
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.length === 0 || segments.some((s) => s === '.' || s === '..')) {
    throw new GraphError(400, 'invalidRequest', `The path '${path}' does not name an item.`);
  }
  return segments;
}

function child(drive: Readonly<StoredDrive>, parentId: string, name: string): StoredDriveItem | undefined {
  const lower = name.toLowerCase();
  // OneDrive names are case-insensitive.
  return drive.items.find((i) => i.parentId === parentId && i.name.toLowerCase() === lower);
}

function resolve(drive: Readonly<StoredDrive>, appFolder: StoredDriveItem, path: string): StoredDriveItem | undefined {
  let current: StoredDriveItem | undefined = appFolder;
  for (const segment of segmentsOf(path)) {
    if (current === undefined) return undefined;
    current = child(drive, current.id, segment);
  }
  return current;
}

function readDrive(ctx: MailboxContext): { drive: Readonly<StoredDrive>; appFolder: StoredDriveItem | undefined } {
  const drive = mailboxOf(ctx.store.current, ctx.owner.id).drive;
  return { drive, appFolder: drive.items.find((i) => i.specialFolder === 'approot') };
}

function identity(state: Readonly<SandboxState>, personId: string): IdentitySet {
  const person = findPerson(state, personId);
  return {
    user: { id: personId, displayName: person?.displayName ?? personId, ...(person === undefined ? {} : { email: person.mail }) },
  };
}

function pathOf(drive: Readonly<StoredDrive>, item: StoredDriveItem): string {
  const names: string[] = [];
  let current: StoredDriveItem | undefined = item;
  while (current !== undefined && current.parentId !== null) {
    names.unshift(current.name);
    const parentId: string = current.parentId;
    current = drive.items.find((i) => i.id === parentId);
  }
  return `/${names.join('/')}`;
}

function sizeOf(drive: Readonly<StoredDrive>, item: StoredDriveItem): number {
  if (item.file !== undefined) return Buffer.byteLength(item.file.contentBase64, 'base64');
  return drive.items.filter((i) => i.parentId === item.id).reduce((sum, i) => sum + sizeOf(drive, i), 0);
}

function renderItem(ctx: MailboxContext, drive: Readonly<StoredDrive>, item: StoredDriveItem): DriveItem {
  const state = ctx.store.current;
  const parent = drive.items.find((i) => i.id === item.parentId);
  const parentPath = parent === undefined ? '' : pathOf(drive, parent);
  const owner = encodeURIComponent(ctx.owner.mail.replace(/[@.]/g, '_'));
  const rendered: DriveItem = {
    createdDateTime: item.createdDateTime,
    eTag: eTagOf(item),
    id: item.id,
    lastModifiedDateTime: item.lastModifiedDateTime,
    name: item.name,
    webUrl: `https://samrad-my.sharepoint.example/personal/${owner}/Documents${encodeURI(pathOf(drive, item))}`,
    size: sizeOf(drive, item),
    createdBy: identity(state, item.createdById),
    lastModifiedBy: identity(state, item.lastModifiedById),
    parentReference: {
      driveType: 'business',
      driveId: drive.id,
      ...(parent === undefined
        ? {}
        : { id: parent.id, name: parent.name, path: `/drive/root:${parentPath === '/' ? '' : parentPath}` }),
    },
    fileSystemInfo: { createdDateTime: item.createdDateTime, lastModifiedDateTime: item.lastModifiedDateTime },
  };
  if (item.file !== undefined) return { ...rendered, cTag: cTagOf(item), file: { mimeType: item.file.mimeType } };
  const childCount = drive.items.filter((i) => i.parentId === item.id).length;
  return {
    ...rendered,
    folder: { childCount },
    ...(item.specialFolder === undefined ? {} : { specialFolder: { name: item.specialFolder } }),
  };
}

function itemResponse(ctx: MailboxContext, item: StoredDriveItem, status = 200): GraphResponse {
  const { drive } = readDrive(ctx);
  return json(
    status,
    { '@odata.context': userContext(ctx, 'drive/items/$entity'), ...renderItem(ctx, drive, item) },
    { ETag: eTagOf(item) },
  );
}

function contentResponse(item: StoredDriveItem): GraphResponse {
  if (item.file === undefined) throw new GraphError(400, 'invalidRequest', 'A folder has no content to download.');
  return bytes(Buffer.from(item.file.contentBase64, 'base64'), item.file.mimeType, { ETag: eTagOf(item) });
}

function byPath(ctx: MailboxContext, path: string): StoredDriveItem {
  const { drive, appFolder } = readDrive(ctx);
  const item = appFolder === undefined ? undefined : resolve(drive, appFolder, path);
  if (item === undefined) throw itemNotFound();
  return item;
}

function byId(ctx: MailboxContext, id: string): StoredDriveItem {
  const item = readDrive(ctx).drive.items.find((i) => i.id === id);
  if (item === undefined) throw itemNotFound();
  return item;
}

interface Upload {
  readonly owner: SandboxPerson;
  readonly content: Buffer;
  readonly ifMatch: string | undefined;
  readonly ifNoneMatch: string | undefined;
  readonly now: number;
}

function checkPreconditions(existing: StoredDriveItem | undefined, upload: Upload): void {
  if (upload.ifNoneMatch !== undefined && existing !== undefined) {
    if (upload.ifNoneMatch.trim() === '*' || sameTag(upload.ifNoneMatch, existing)) {
      throw preconditionFailed('The item already exists (If-None-Match).');
    }
  }
  if (upload.ifMatch !== undefined && (existing === undefined || !matchesIfMatch(upload.ifMatch, existing))) {
    throw preconditionFailed();
  }
}

/** Replaces a file's content, keeping the previous content as a version. */
function replaceContent(item: StoredDriveItem, upload: Upload): void {
  if (item.file === undefined) throw new GraphError(409, 'nameAlreadyExists', `'${item.name}' is a folder.`);
  const at = outlookInstant(upload.now).replace('.0000000', '');
  item.file.versions.push({
    id: `${item.version}.0`,
    lastModifiedDateTime: item.lastModifiedDateTime,
    lastModifiedById: item.lastModifiedById,
    size: Buffer.byteLength(item.file.contentBase64, 'base64'),
    contentBase64: item.file.contentBase64,
  });
  item.file.contentBase64 = upload.content.toString('base64');
  item.version += 1;
  item.lastModifiedDateTime = at;
  item.lastModifiedById = upload.owner.id;
}

/** PUT by path under the app folder: creates folders on the way and the file, or replaces it. */
export function uploadByPath(state: SandboxState, path: string, upload: Upload): { item: StoredDriveItem; created: boolean } {
  const appFolder = ensureAppFolder(state, upload.owner, upload.now);
  const drive = mailboxOf(state, upload.owner.id).drive;
  const segments = segmentsOf(path);
  const fileName = segments.pop() ?? '';
  let parent = appFolder;
  for (const segment of segments) {
    let next = child(drive, parent.id, segment);
    if (next === undefined) {
      next = newFolder(state, upload.owner, parent.id, segment, upload.now);
      drive.items.push(next);
    }
    if (next.file !== undefined) throw new GraphError(409, 'nameAlreadyExists', `'${segment}' is a file, not a folder.`);
    parent = next;
  }
  const existing = child(drive, parent.id, fileName);
  checkPreconditions(existing, upload);
  if (existing !== undefined) {
    replaceContent(existing, upload);
    return { item: existing, created: false };
  }
  const item: StoredDriveItem = {
    ...newFolder(state, upload.owner, parent.id, fileName, upload.now),
    file: { mimeType: mimeTypeOf(fileName), contentBase64: upload.content.toString('base64'), versions: [] },
  };
  drive.items.push(item);
  return { item, created: true };
}

function uploadById(state: SandboxState, id: string, upload: Upload): StoredDriveItem {
  const item = mailboxOf(state, upload.owner.id).drive.items.find((i) => i.id === id);
  if (item === undefined) throw itemNotFound();
  checkPreconditions(item, upload);
  replaceContent(item, upload);
  return item;
}

function uploadOf(ctx: MailboxContext): Upload {
  return {
    owner: ownPerson(ctx),
    content: ctx.request.body,
    ifMatch: ctx.request.headers['if-match'],
    ifNoneMatch: ctx.request.headers['if-none-match'],
    now: ctx.now(),
  };
}

function versionsOf(ctx: MailboxContext, item: StoredDriveItem): DriveItemVersion[] {
  const state = ctx.store.current;
  if (item.file === undefined) return [];
  const current: DriveItemVersion = {
    id: `${item.version}.0`,
    lastModifiedDateTime: item.lastModifiedDateTime,
    lastModifiedBy: identity(state, item.lastModifiedById),
    size: Buffer.byteLength(item.file.contentBase64, 'base64'),
  };
  const earlier = item.file.versions.map((v): DriveItemVersion => ({
    id: v.id,
    lastModifiedDateTime: v.lastModifiedDateTime,
    lastModifiedBy: identity(state, v.lastModifiedById),
    size: v.size,
  }));
  return [current, ...earlier.reverse()];
}

function versionContent(item: StoredDriveItem, versionId: string): GraphResponse {
  if (item.file === undefined) throw itemNotFound();
  if (versionId === `${item.version}.0`) return contentResponse(item);
  const version = item.file.versions.find((v) => v.id === versionId);
  if (version === undefined) throw itemNotFound();
  return bytes(Buffer.from(version.contentBase64, 'base64'), item.file.mimeType);
}

async function appFolderItem(ctx: MailboxContext): Promise<StoredDriveItem> {
  const existing = readDrive(ctx).appFolder;
  return existing ?? (await ctx.store.write((draft) => ensureAppFolder(draft, ownPerson(ctx), ctx.now())));
}

const APPROOT = String.raw`^/drive/special/approot`;
// `approot:/a/b.json` and `approot:/a/b.json:` both address the item; `:/content` its bytes.
const BY_PATH = String.raw`${APPROOT}:(/[^:]+):?$`;
const CONTENT_BY_PATH = String.raw`${APPROOT}:(/[^:]+):/content$`;
const CHILDREN_BY_PATH = String.raw`${APPROOT}:(/[^:]+):/children$`;
const ITEM = String.raw`^/drive/items/([^/]+)`;

const route = (method: string, pattern: string, handle: MailboxRoute['handle']): MailboxRoute => ({
  method,
  pattern: new RegExp(pattern),
  family: 'drive',
  scopes: method === 'GET' ? ROUTE_SCOPES.filesRead : ROUTE_SCOPES.filesWrite,
  handle,
});

export const driveRoutes: readonly MailboxRoute[] = [
  route('GET', `${APPROOT}$`, async (ctx) => itemResponse(ctx, await appFolderItem(ctx))),
  route('GET', `${APPROOT}/children$`, async (ctx) => {
    const folder = await appFolderItem(ctx);
    const { drive } = readDrive(ctx);
    const children = drive.items.filter((i) => i.parentId === folder.id).map((i) => renderItem(ctx, drive, i));
    return json(200, { '@odata.context': userContext(ctx, 'drive/special/approot/children'), value: children });
  }),
  route('GET', CHILDREN_BY_PATH, (ctx, [path = '']) => {
    const folder = byPath(ctx, path);
    const { drive } = readDrive(ctx);
    const children = drive.items.filter((i) => i.parentId === folder.id).map((i) => renderItem(ctx, drive, i));
    return json(200, { '@odata.context': userContext(ctx, 'drive/items'), value: children });
  }),
  route('GET', BY_PATH, (ctx, [path = '']) => itemResponse(ctx, byPath(ctx, path))),
  route('GET', CONTENT_BY_PATH, (ctx, [path = '']) => contentResponse(byPath(ctx, path))),
  route('PUT', CONTENT_BY_PATH, async (ctx, [path = '']) => {
    const upload = uploadOf(ctx);
    const { item, created } = await ctx.store.write((draft) => uploadByPath(draft, path, upload));
    return itemResponse(ctx, byId(ctx, item.id), created ? 201 : 200);
  }),
  route('GET', `${ITEM}$`, (ctx, [id = '']) => itemResponse(ctx, byId(ctx, id))),
  route('GET', `${ITEM}/content$`, (ctx, [id = '']) => contentResponse(byId(ctx, id))),
  route('PUT', `${ITEM}/content$`, async (ctx, [id = '']) => {
    const upload = uploadOf(ctx);
    const item = await ctx.store.write((draft) => uploadById(draft, id, upload));
    return itemResponse(ctx, byId(ctx, item.id));
  }),
  route('GET', `${ITEM}/versions$`, (ctx, [id = '']) => {
    const item = byId(ctx, id);
    return json(200, { '@odata.context': userContext(ctx, `drive/items('${id}')/versions`), value: versionsOf(ctx, item) });
  }),
  route('GET', `${ITEM}/versions/([^/]+)/content$`, (ctx, [id = '', version = '']) => versionContent(byId(ctx, id), version)),
];
