/**
 * An event as Graph returns it: times in the caller's preferred zone, the body as the caller prefers it, the
 * `@odata.etag` from the change key, extensions only when expanded, and $select applied last.
 */
import type { Event, OpenTypeExtension } from '@microsoft/microsoft-graph-types';
import { badRequest } from '../../http/errors';
import type { StoredEvent, StoredExtension } from '../../state/model';
import { matches, parseFilter, type FilterExpression } from '../filter';
import { bodyAs } from '../html';
import { preferredZone, prefersTextBody, toDateTimeTimeZone } from '../times';
import type { GraphContext } from '../context';

/** Every property of microsoft.graph.event that $select may name (the type checks the spelling). */
const EVENT_PROPERTIES = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'transactionId',
  'originalStartTimeZone',
  'originalEndTimeZone',
  'iCalUId',
  'reminderMinutesBeforeStart',
  'isReminderOn',
  'hasAttachments',
  'subject',
  'bodyPreview',
  'importance',
  'sensitivity',
  'isAllDay',
  'isCancelled',
  'isOrganizer',
  'responseRequested',
  'seriesMasterId',
  'showAs',
  'type',
  'webLink',
  'onlineMeetingUrl',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'allowNewTimeProposals',
  'isDraft',
  'hideAttendees',
  'responseStatus',
  'body',
  'start',
  'end',
  'location',
  'locations',
  'recurrence',
  'attendees',
  'organizer',
  'onlineMeeting',
  'originalStart',
  'cancelledOccurrences',
] as const satisfies readonly (keyof Event)[];
export const EVENT_PROPERTY_NAMES: ReadonlySet<string> = new Set(EVENT_PROPERTIES);

export type RenderedEvent = Event & { '@odata.etag': string; extensions?: OpenTypeExtension[] };

export const EXTENSION_ID_PREFIX = 'Microsoft.OutlookServices.OpenTypeExtension.';

export function renderExtension(extension: StoredExtension): OpenTypeExtension & Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.openTypeExtension',
    id: `${EXTENSION_ID_PREFIX}${extension.extensionName}`,
    extensionName: extension.extensionName,
    ...extension.properties,
  };
}

/**
 * Graph's extension ids are `Microsoft.OutlookServices.OpenTypeExtension.{name}`, yet `id eq '{name}'` finds it
 * too (the docs' own example filters by the bare name): both spellings match.
 */
export function extensionMatches(filter: FilterExpression | null, extension: StoredExtension): boolean {
  if (filter === null) return true;
  const rendered = renderExtension(extension);
  return matches(filter, rendered) || matches(filter, { ...rendered, id: extension.extensionName });
}

/** `$expand=extensions` or `$expand=extensions($filter=…)`: undefined when not expanded, else the filter. */
export function parseExtensionsExpand(query: URLSearchParams): FilterExpression | null | undefined {
  const raw = query.get('$expand');
  if (raw === null || raw.trim() === '') return undefined;
  const m = /^\s*extensions\s*(?:\(\s*\$filter\s*=\s*(.+)\)\s*)?$/i.exec(raw);
  if (m === null) {
    throw badRequest(`$expand '${raw}' is not supported here; the sandbox expands extensions only.`, 'BadRequest');
  }
  return m[1] === undefined ? null : parseFilter(m[1]);
}

export interface RenderOptions {
  readonly zone: string;
  readonly textBody: boolean;
  readonly extensions: FilterExpression | null | undefined;
}

export function renderOptions(ctx: GraphContext): RenderOptions {
  const prefer = ctx.request.headers.prefer;
  return {
    zone: preferredZone(prefer),
    textBody: prefersTextBody(prefer),
    extensions: parseExtensionsExpand(ctx.request.query),
  };
}

export function renderEvent(stored: StoredEvent, options: RenderOptions): RenderedEvent {
  const { body, ...rest } = stored.event;
  const rendered: RenderedEvent = {
    '@odata.etag': `W/"${stored.event.changeKey}"`,
    ...rest,
    ...(body == null ? {} : { body: bodyAs(body, options.textBody) }),
    start: toDateTimeTimeZone(stored.startMs, options.zone),
    end: toDateTimeTimeZone(stored.endMs, options.zone),
  };
  if (options.extensions !== undefined) {
    const filter = options.extensions;
    rendered.extensions = stored.extensions.filter((e) => extensionMatches(filter, e)).map(renderExtension);
  }
  return rendered;
}
