/**
 * Where the workbench keeps the Fluid container of a meeting's Live Share session, as Teams's container mapping
 * service does for a real meeting: every face of the same meeting (different frames, different people) asks here
 * which container to join, and the first one to create a container has it kept for the others.
 *
 *   GET /sandbox/live-share/{meetingKey}                           → {"containerId": string | null}
 *   PUT /sandbox/live-share/{meetingKey} {"containerId": "<id>"}   → {"containerId": <the id kept>}: the first id
 *                                                                   offered is kept, a later offer gets it back
 *   PUT /sandbox/live-share/{meetingKey} {"containerId": null}     → {"containerId": null}: forgets the container
 *
 * The mapping lives in memory only: the local Fluid service (tinylicious) keeps its sessions in memory too, so a
 * mapping that outlived it would point at nothing. Reset forgets every mapping.
 */
import { isJsonObject } from './graph/context';
import { GraphError } from './http/errors';
import { json, type GraphResponse } from './http/response';

/** The controls' path below /sandbox. */
export const LIVE_SHARE_CONTROL_PATH = '/live-share/';

const MAX_KEY_LENGTH = 512;
const MAX_CONTAINER_ID_LENGTH = 256;
const SHAPE = '{"containerId": "<id of the container you created>"} (or null to forget it)';

/** One mapping table per running sandbox, so two sandboxes in one process (tests) never share one. */
const tables = new WeakMap<object, Map<string, string>>();

function tableOf(owner: object): Map<string, string> {
  let table = tables.get(owner);
  if (table === undefined) {
    table = new Map();
    tables.set(owner, table);
  }
  return table;
}

export function isLiveShareControl(path: string): boolean {
  return path.startsWith(LIVE_SHARE_CONTROL_PATH);
}

function meetingKeyOf(path: string): string {
  const segment = path.slice(LIVE_SHARE_CONTROL_PATH.length);
  let key: string;
  try {
    key = decodeURIComponent(segment);
  } catch {
    throw new GraphError(400, 'BadRequest', `The meeting key '${segment}' is not a valid URL-encoded text.`);
  }
  if (segment.includes('/') || key.trim() === '' || key.length > MAX_KEY_LENGTH) {
    throw new GraphError(
      400,
      'BadRequest',
      `Name the meeting in one URL-encoded path segment of 1–${MAX_KEY_LENGTH} characters, e.g. /sandbox/live-share/${encodeURIComponent('19:meeting_abc@thread.v2')}.`,
    );
  }
  return key;
}

function offeredId(body: Buffer): string | null {
  let value: unknown;
  try {
    value = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
  } catch {
    throw new GraphError(400, 'BadRequest', `The body must be JSON: ${SHAPE}.`);
  }
  if (!isJsonObject(value) || !('containerId' in value)) throw new GraphError(400, 'BadRequest', `Send ${SHAPE}.`);
  const { containerId } = value;
  if (containerId === null) return null;
  if (
    typeof containerId !== 'string' ||
    containerId.length === 0 ||
    containerId.length > MAX_CONTAINER_ID_LENGTH ||
    !/^[\x21-\x7e]+$/.test(containerId)
  ) {
    throw new GraphError(
      400,
      'BadRequest',
      `"containerId" must be a container id of 1–${MAX_CONTAINER_ID_LENGTH} visible ASCII characters, or null.`,
    );
  }
  return containerId;
}

/** `owner` is the running sandbox's own state (its control dependencies): each sandbox has its own mappings. */
export function handleLiveShareControl(owner: object, method: string, path: string, body: Buffer): GraphResponse {
  const key = meetingKeyOf(path);
  const table = tableOf(owner);
  switch (method) {
    case 'GET':
      return json(200, { containerId: table.get(key) ?? null });
    case 'PUT': {
      const offered = offeredId(body);
      if (offered === null) table.delete(key);
      // First come, first kept: two faces that both found no container and both created one must end up in the
      // same one, so the later offer is answered with the earlier id (Teams answers it with "Conflict").
      else if (!table.has(key)) table.set(key, offered);
      return json(200, { containerId: table.get(key) ?? null });
    }
    default:
      throw new GraphError(
        405,
        'MethodNotAllowed',
        `The Live Share control takes GET and PUT, not ${method}: PUT ${LIVE_SHARE_CONTROL_PATH}{meetingKey} ${SHAPE}.`,
      );
  }
}

/** Forgets every meeting's container (the sandbox's reset). */
export function forgetLiveShareContainers(owner: object): void {
  tables.delete(owner);
}
