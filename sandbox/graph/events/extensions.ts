/**
 * Open extensions on an event (`microsoft.graph.openTypeExtension`): small named property bags on one item in one
 * mailbox (they do not travel to attendees' copies). A PATCH replaces every custom property, as on Outlook items.
 * Writing an extension changes the item, so the event's ETag changes too.
 */
import { badRequest, GraphError } from '../../http/errors';
import type { JsonObject, SandboxState, StoredEvent, StoredExtension } from '../../state/model';
import { mailboxOf } from '../../state/people';
import { EXTENSION_ID_PREFIX } from './render';
import { findEvent, touch } from './records';

const OPEN_TYPE = /^#?microsoft\.graph\.openTypeExtension$/i;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const RESERVED = new Set(['id', 'extensionName']);

function customProperties(body: JsonObject): JsonObject {
  const properties: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('@odata.') || RESERVED.has(key)) continue;
    properties[key] = value;
  }
  return properties;
}

/** `se.samrad.consultation` or `Microsoft.OutlookServices.OpenTypeExtension.se.samrad.consultation`. */
function nameOf(idOrName: string): string {
  return idOrName.startsWith(EXTENSION_ID_PREFIX) ? idOrName.slice(EXTENSION_ID_PREFIX.length) : idOrName;
}

function extensionNotFound(): GraphError {
  return new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

export function findExtension(stored: StoredEvent, idOrName: string): StoredExtension {
  const name = nameOf(idOrName).toLowerCase();
  const found = stored.extensions.find((e) => e.extensionName.toLowerCase() === name);
  if (found === undefined) throw extensionNotFound();
  return found;
}

function eventOf(state: SandboxState, ownerId: string, eventId: string): StoredEvent {
  return findEvent(mailboxOf(state, ownerId), eventId);
}

export function createExtension(
  state: SandboxState,
  ownerId: string,
  eventId: string,
  body: JsonObject,
  now: number,
): StoredExtension {
  const stored = eventOf(state, ownerId, eventId);
  const type = body['@odata.type'];
  if (typeof type !== 'string' || !OPEN_TYPE.test(type)) {
    throw badRequest('An open extension needs "@odata.type": "microsoft.graph.openTypeExtension".', 'ErrorInvalidRequest');
  }
  const name = body.extensionName;
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw badRequest('An open extension needs an extensionName such as "se.samrad.consultation".', 'ErrorInvalidRequest');
  }
  if (stored.extensions.some((e) => e.extensionName.toLowerCase() === name.toLowerCase())) {
    throw new GraphError(409, 'NameAlreadyExists', `The extension '${name}' already exists on this item; update it with PATCH.`);
  }
  const extension: StoredExtension = { extensionName: name, properties: customProperties(body) };
  stored.extensions.push(extension);
  touch(state, stored, now);
  return extension;
}

export function replaceExtension(
  state: SandboxState,
  ownerId: string,
  eventId: string,
  idOrName: string,
  body: JsonObject,
  now: number,
): StoredExtension {
  const stored = eventOf(state, ownerId, eventId);
  const extension = findExtension(stored, idOrName);
  extension.properties = customProperties(body);
  touch(state, stored, now);
  return extension;
}

export function deleteExtension(state: SandboxState, ownerId: string, eventId: string, idOrName: string, now: number): void {
  const stored = eventOf(state, ownerId, eventId);
  const extension = findExtension(stored, idOrName);
  stored.extensions = stored.extensions.filter((e) => e !== extension);
  touch(state, stored, now);
}
