/** The calendar routes: events, calendarView, answers, open extensions. */
import { ROUTE_SCOPES } from '../../auth/scopes';
import { badRequest } from '../../http/errors';
import { empty, json, type GraphResponse } from '../../http/response';
import { mailboxOf } from '../../state/people';
import { ownPerson, readJsonObject, readOptionalJsonObject, type MailboxContext } from '../context';
import {
  applyFilter,
  checkOrderAgainstFilter,
  pageBySkip,
  parseFilterOption,
  parseOrderBy,
  parseSelect,
  project,
  sortBy,
} from '../odata';
import { userContext, type MailboxRoute } from '../routes';
import { createExtension, deleteExtension, findExtension, replaceExtension } from './extensions';
import { findEvent } from './records';
import { EVENT_PROPERTY_NAMES, renderEvent, renderExtension, renderOptions, type RenderedEvent } from './render';
import { ANSWER_OF_ACTION, respondToEvent } from './respond';
import { updateEvent } from './update';

const COLLECTION = { defaultTop: 10, maxTop: 1000 };

/** $select applies to the event's own properties; an expanded navigation (extensions) stays, as in Graph. */
function selected(event: RenderedEvent, select: readonly string[] | null): Partial<RenderedEvent> {
  const kept = project(event, select);
  return event.extensions === undefined ? kept : { ...kept, extensions: event.extensions };
}

function eventResponse(ctx: MailboxContext, eventId: string, status = 200): GraphResponse {
  const stored = findEvent(mailboxOf(ctx.store.current, ctx.owner.id), eventId);
  const select = parseSelect(ctx.request.query, EVENT_PROPERTY_NAMES, 'event');
  const body = {
    '@odata.context': userContext(ctx, 'events/$entity'),
    ...selected(renderEvent(stored, renderOptions(ctx)), select),
  };
  return json(status, body);
}

function listResponse(ctx: MailboxContext, events: readonly RenderedEvent[]): GraphResponse {
  const query = ctx.request.query;
  const select = parseSelect(query, EVENT_PROPERTY_NAMES, 'event');
  const filter = parseFilterOption(query);
  const orderBy = parseOrderBy(query);
  checkOrderAgainstFilter(filter, orderBy);
  const matching = applyFilter(events, filter);
  const ordered = orderBy === null ? matching : sortBy(matching, orderBy);
  const page = pageBySkip(ctx, ordered, COLLECTION);
  return json(200, {
    '@odata.context': userContext(ctx, 'events'),
    ...page,
    value: page.value.map((e) => selected(e, select)),
  });
}

function listEvents(ctx: MailboxContext): GraphResponse {
  const options = renderOptions(ctx);
  const events = mailboxOf(ctx.store.current, ctx.owner.id).events.map((e) => renderEvent(e, options));
  return listResponse(ctx, events);
}

function windowBound(ctx: MailboxContext, name: string): number {
  const raw = [...ctx.request.query.entries()].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  if (raw === undefined) {
    throw badRequest(
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
      'ErrorInvalidParameter',
    );
  }
  // Without an offset Graph reads the time as UTC.
  const instant = Date.parse(/(?:Z|[+-]\d{2}:\d{2})$/.test(raw) ? raw : `${raw}Z`);
  if (Number.isNaN(instant)) throw badRequest(`The value '${raw}' of ${name} is not a date and time.`, 'ErrorInvalidParameter');
  return instant;
}

/** Events that overlap the window, earliest first. */
function calendarView(ctx: MailboxContext): GraphResponse {
  const from = windowBound(ctx, 'startDateTime');
  const to = windowBound(ctx, 'endDateTime');
  const options = renderOptions(ctx);
  const events = mailboxOf(ctx.store.current, ctx.owner.id)
    .events.filter((e) => e.startMs < to && e.endMs > from)
    .sort((a, b) => a.startMs - b.startMs)
    .map((e) => renderEvent(e, options));
  return listResponse(ctx, events);
}

async function patchEvent(ctx: MailboxContext, [eventId = '']: readonly string[]): Promise<GraphResponse> {
  const patch = readJsonObject(ctx.request);
  await ctx.store.write((draft) =>
    updateEvent(draft, ownPerson(ctx), eventId, patch, ctx.request.headers['if-match'], ctx.now()),
  );
  return eventResponse(ctx, eventId);
}

async function respond(ctx: MailboxContext, [eventId = '', action = '']: readonly string[]): Promise<GraphResponse> {
  const answer = ANSWER_OF_ACTION[action];
  if (answer === undefined) throw badRequest(`Unknown action '${action}'.`);
  const body = readOptionalJsonObject(ctx.request);
  await ctx.store.write((draft) => respondToEvent(draft, ownPerson(ctx), eventId, answer, body, ctx.now()));
  return empty(202);
}

function extensionContext(ctx: MailboxContext, eventId: string): string {
  return userContext(ctx, `events('${eventId}')/extensions/$entity`);
}

function listExtensions(ctx: MailboxContext, [eventId = '']: readonly string[]): GraphResponse {
  const stored = findEvent(mailboxOf(ctx.store.current, ctx.owner.id), eventId);
  return json(200, {
    '@odata.context': userContext(ctx, `events('${eventId}')/extensions`),
    value: stored.extensions.map(renderExtension),
  });
}

async function postExtension(ctx: MailboxContext, [eventId = '']: readonly string[]): Promise<GraphResponse> {
  const body = readJsonObject(ctx.request);
  const created = await ctx.store.write((draft) => createExtension(draft, ctx.owner.id, eventId, body, ctx.now()));
  return json(201, { '@odata.context': extensionContext(ctx, eventId), ...renderExtension(created) });
}

function getExtension(ctx: MailboxContext, [eventId = '', name = '']: readonly string[]): GraphResponse {
  const stored = findEvent(mailboxOf(ctx.store.current, ctx.owner.id), eventId);
  return json(200, { '@odata.context': extensionContext(ctx, eventId), ...renderExtension(findExtension(stored, name)) });
}

async function patchExtension(ctx: MailboxContext, [eventId = '', name = '']: readonly string[]): Promise<GraphResponse> {
  const body = readJsonObject(ctx.request);
  const updated = await ctx.store.write((draft) => replaceExtension(draft, ctx.owner.id, eventId, name, body, ctx.now()));
  return json(200, { '@odata.context': extensionContext(ctx, eventId), ...renderExtension(updated) });
}

async function removeExtension(ctx: MailboxContext, [eventId = '', name = '']: readonly string[]): Promise<GraphResponse> {
  await ctx.store.write((draft) => deleteExtension(draft, ctx.owner.id, eventId, name, ctx.now()));
  return empty(204);
}

const EVENTS = String.raw`^/(?:calendar/)?events`;
const ONE = String.raw`/([^/]+)`;

function route(method: string, pattern: string, handle: MailboxRoute['handle']): MailboxRoute {
  const scopes = method === 'GET' ? ROUTE_SCOPES.calendarRead : ROUTE_SCOPES.calendarWrite;
  return { method, pattern: new RegExp(`${pattern}$`), family: 'mailbox', scopes, handle };
}

export const eventRoutes: readonly MailboxRoute[] = [
  route('GET', EVENTS, listEvents),
  route('GET', `${EVENTS}${ONE}`, (ctx, [id = '']) => eventResponse(ctx, id)),
  route('PATCH', `${EVENTS}${ONE}`, patchEvent),
  route('POST', `${EVENTS}${ONE}/(accept|tentativelyAccept|decline)`, respond),
  route('GET', String.raw`^/(?:calendar/)?calendarView`, calendarView),
  route('GET', `${EVENTS}${ONE}/extensions`, listExtensions),
  route('POST', `${EVENTS}${ONE}/extensions`, postExtension),
  route('GET', `${EVENTS}${ONE}/extensions${ONE}`, getExtension),
  route('PATCH', `${EVENTS}${ONE}/extensions${ONE}`, patchExtension),
  route('DELETE', `${EVENTS}${ONE}/extensions${ONE}`, removeExtension),
];
