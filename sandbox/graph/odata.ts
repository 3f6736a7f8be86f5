/**
 * The OData query options the sandbox honours — $select, $top, $skip, $orderby, $filter, $skiptoken — with Graph's
 * limits and errors, and the paging links Graph writes. Paging links are absolute and carry every option of the
 * original request, so a client that follows `@odata.nextLink` as given gets the same query's next page.
 */
import { badRequest, GraphError } from '../http/errors';
import type { GraphContext } from './context';
import { filterPaths, matches, parseFilter, readPath, type FilterExpression } from './filter';

/** `$select=a,b` checked against the entity's properties; null when absent. */
export function parseSelect(query: URLSearchParams, known: ReadonlySet<string>, entity: string): string[] | null {
  const raw = query.get('$select');
  if (raw === null || raw.trim() === '') return null;
  const names = raw.split(',').map((n) => n.trim());
  for (const name of names) {
    if (!known.has(name) && ![...known].some((k) => k.toLowerCase() === name.toLowerCase())) {
      throw badRequest(
        `Could not find a property named '${name}' on type 'microsoft.graph.${entity}'.`,
        'RequestBroker--ParseUri',
      );
    }
  }
  return names.map((n) => [...known].find((k) => k.toLowerCase() === n.toLowerCase()) ?? n);
}

/** Keeps the selected properties plus the ones Graph always returns (id, annotations). */
export function project<T extends object>(item: T, select: readonly string[] | null): Partial<T> {
  if (select === null) return item;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'id' || key.startsWith('@odata.') || select.includes(key)) kept[key] = value;
  }
  return kept as Partial<T>;
}

export interface TopRule {
  readonly defaultTop: number;
  readonly maxTop: number;
}

function nonNegativeInteger(query: URLSearchParams, name: string): number | null {
  const raw = query.get(name);
  if (raw === null) return null;
  if (!/^\d+$/.test(raw.trim())) throw badRequest(`Invalid value '${raw}' for query option ${name}.`);
  return Number(raw.trim());
}

export function parseTop(query: URLSearchParams, rule: TopRule): number {
  const top = nonNegativeInteger(query, '$top') ?? rule.defaultTop;
  if (top < 1 || top > rule.maxTop) {
    throw badRequest(`The value of $top must be between 1 and ${rule.maxTop}; it was ${top}.`, 'ErrorInvalidParameter');
  }
  return top;
}

export function parseSkip(query: URLSearchParams): number {
  return nonNegativeInteger(query, '$skip') ?? 0;
}

export interface OrderKey {
  readonly path: readonly string[];
  readonly descending: boolean;
}

export function parseOrderBy(query: URLSearchParams): OrderKey[] | null {
  const raw = query.get('$orderby');
  if (raw === null || raw.trim() === '') return null;
  return raw.split(',').map((clause) => {
    const [name, direction, ...rest] = clause.trim().split(/\s+/);
    const dir = direction?.toLowerCase();
    if (name === undefined || name === '' || rest.length > 0 || (dir !== undefined && dir !== 'asc' && dir !== 'desc')) {
      throw badRequest(`Invalid $orderby clause '${clause.trim()}'; write 'property' or 'property asc|desc'.`);
    }
    return { path: name.split('/'), descending: dir === 'desc' };
  });
}

function sortValue(value: unknown): number | string {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return Number(value);
  if (typeof value === 'string') {
    const instant = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : Number.NaN;
    return Number.isNaN(instant) ? value.toLowerCase() : instant;
  }
  return '';
}

/**
 * Sorts by the keys; equal items keep their order of arrival in the direction of the first key, so that mail
 * received within the same second (Graph's resolution) still lists the later one first under "desc".
 */
export function sortBy<T>(items: readonly T[], keys: readonly OrderKey[]): T[] {
  const arrivalDescending = keys[0]?.descending ?? false;
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      for (const key of keys) {
        const [x, y] = [sortValue(readPath(a.item, key.path)), sortValue(readPath(b.item, key.path))];
        const difference = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        if (difference !== 0) return key.descending ? -difference : difference;
      }
      return arrivalDescending ? b.index - a.index : a.index - b.index;
    })
    .map(({ item }) => item);
}

export function parseFilterOption(query: URLSearchParams): FilterExpression | null {
  const raw = query.get('$filter');
  return raw === null || raw.trim() === '' ? null : parseFilter(raw);
}

export function applyFilter<T>(items: readonly T[], filter: FilterExpression | null): T[] {
  return filter === null ? [...items] : items.filter((item) => matches(filter, item));
}

/**
 * Outlook refuses a $filter with an $orderby whose properties it does not start with, in the same order
 * ("InefficientFilter"); the sandbox refuses it too, so code that works here works on Exchange.
 */
export function checkOrderAgainstFilter(filter: FilterExpression | null, orderBy: readonly OrderKey[] | null): void {
  if (filter === null || orderBy === null) return;
  const filtered = filterPaths(filter).map((p) => p.toLowerCase());
  orderBy.forEach((key, i) => {
    if (filtered[i] !== key.path.join('/').toLowerCase()) {
      throw new GraphError(400, 'InefficientFilter', 'The restriction or sort order is too complex for this operation.');
    }
  });
}

/** The same request's URL with some options replaced: what Graph writes into @odata.nextLink. */
export function linkWith(ctx: GraphContext, replace: Readonly<Record<string, string>>): string {
  const query = new URLSearchParams(ctx.request.query);
  for (const [name, value] of Object.entries(replace)) query.set(name, value);
  // Graph keeps `$` unescaped in its links; clients must accept either, and real ones do.
  const search = query.toString().replace(/%24/g, '$');
  return `${ctx.graphBaseUrl}${ctx.request.path}?${search}`;
}

export interface Page<T> {
  readonly value: T[];
  readonly '@odata.nextLink'?: string;
}

/** One page by $top/$skip, with a nextLink when more remain. */
export function pageBySkip<T>(ctx: GraphContext, items: readonly T[], rule: TopRule): Page<T> {
  const top = parseTop(ctx.request.query, rule);
  const skip = parseSkip(ctx.request.query);
  const value = items.slice(skip, skip + top);
  const more = skip + top < items.length;
  return more ? { value, '@odata.nextLink': linkWith(ctx, { $top: String(top), $skip: String(skip + top) }) } : { value };
}
