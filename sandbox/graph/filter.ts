/**
 * A small OData `$filter`: comparisons (eq ne gt ge lt le) of a property path with a literal, joined by and/or,
 * negated by not, grouped by parentheses; `startswith`/`contains` on strings. That is what Outlook and Teams
 * accept on the resources the sandbox serves. Property names match case-insensitively (Graph's own docs write
 * `JoinWebUrl` for `joinWebUrl`); strings compare case-insensitively, as Exchange does.
 */
import { badRequest } from '../http/errors';

type Literal =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'null' }
  | { readonly type: 'datetime'; readonly value: number };

type Comparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterExpression =
  | { readonly kind: 'and' | 'or'; readonly left: FilterExpression; readonly right: FilterExpression }
  | { readonly kind: 'not'; readonly operand: FilterExpression }
  | { readonly kind: 'compare'; readonly op: Comparison; readonly path: readonly string[]; readonly value: Literal }
  | { readonly kind: 'call'; readonly fn: 'startswith' | 'contains'; readonly path: readonly string[]; readonly value: string };

const COMPARISONS: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const TOKEN = /\s*(?:('(?:[^']|'')*')|([()])|(,)|([^\s(),']+))/y;

type Token = { readonly kind: 'string' | 'word' | 'open' | 'close' | 'comma'; readonly text: string };

function invalid(detail: string): Error {
  return badRequest(`Invalid filter clause: ${detail}`);
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(source);
    if (m === null) throw invalid(`unexpected text at position ${at}.`);
    if (m[1] !== undefined) tokens.push({ kind: 'string', text: m[1].slice(1, -1).replaceAll("''", "'") });
    else if (m[2] !== undefined) tokens.push({ kind: m[2] === '(' ? 'open' : 'close', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'comma', text: ',' });
    else if (m[4] !== undefined) tokens.push({ kind: 'word', text: m[4] });
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FilterExpression {
    const expression = this.or();
    const rest = this.tokens[this.at];
    if (rest !== undefined) throw invalid(`unexpected "${rest.text}".`);
    return expression;
  }

  private peekWord(): string | undefined {
    const t = this.tokens[this.at];
    return t?.kind === 'word' ? t.text.toLowerCase() : undefined;
  }

  private take(): Token {
    const t = this.tokens[this.at];
    if (t === undefined) throw invalid('the expression ends too early.');
    this.at += 1;
    return t;
  }

  private expect(kind: Token['kind']): Token {
    const t = this.take();
    if (t.kind !== kind) throw invalid(`expected ${kind === 'close' ? '")"' : kind} but found "${t.text}".`);
    return t;
  }

  private or(): FilterExpression {
    let left = this.and();
    while (this.peekWord() === 'or') {
      this.at += 1;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterExpression {
    let left = this.unary();
    while (this.peekWord() === 'and') {
      this.at += 1;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterExpression {
    if (this.peekWord() === 'not') {
      this.at += 1;
      return { kind: 'not', operand: this.unary() };
    }
    if (this.tokens[this.at]?.kind === 'open') {
      this.at += 1;
      const inner = this.or();
      this.expect('close');
      return inner;
    }
    return this.primary();
  }

  private primary(): FilterExpression {
    const first = this.expect('word');
    const fn = first.text.toLowerCase();
    if ((fn === 'startswith' || fn === 'contains') && this.tokens[this.at]?.kind === 'open') {
      this.at += 1;
      const path = this.expect('word').text.split('/');
      this.expect('comma');
      const value = this.expect('string').text;
      this.expect('close');
      return { kind: 'call', fn, path, value };
    }
    const op = this.take();
    const opText = op.text.toLowerCase();
    if (op.kind !== 'word' || !COMPARISONS.has(opText)) throw invalid(`expected a comparison after "${first.text}".`);
    return { kind: 'compare', op: opText as Comparison, path: first.text.split('/'), value: this.literal() };
  }

  private literal(): Literal {
    const t = this.take();
    if (t.kind === 'string') return { type: 'string', value: t.text };
    if (t.kind !== 'word') throw invalid(`expected a value but found "${t.text}".`);
    const word = t.text.toLowerCase();
    if (word === 'true' || word === 'false') return { type: 'boolean', value: word === 'true' };
    if (word === 'null') return { type: 'null' };
    if (DATETIME.test(t.text)) return { type: 'datetime', value: Date.parse(t.text) };
    const n = Number(t.text);
    if (t.text !== '' && Number.isFinite(n)) return { type: 'number', value: n };
    throw invalid(`"${t.text}" is not a value (quote strings with single quotes).`);
  }
}

export function parseFilter(source: string): FilterExpression {
  return new Parser(tokenize(source)).parse();
}

/** The property paths an expression reads, in order of appearance (for Outlook's $orderby rule). */
export function filterPaths(expression: FilterExpression): string[] {
  switch (expression.kind) {
    case 'and':
    case 'or':
      return [...filterPaths(expression.left), ...filterPaths(expression.right)];
    case 'not':
      return filterPaths(expression.operand);
    default:
      return [expression.path.join('/')];
  }
}

/** Reads `a/b/c` from an object, matching each name case-insensitively. */
export function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const name of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    const lower = name.toLowerCase();
    const key = Object.keys(current).find((k) => k.toLowerCase() === lower);
    current = key === undefined ? undefined : (current as Record<string, unknown>)[key];
  }
  return current;
}

function order(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { sensitivity: 'accent' });
}

function holds(op: Comparison, difference: number): boolean {
  switch (op) {
    case 'eq':
      return difference === 0;
    case 'ne':
      return difference !== 0;
    case 'gt':
      return difference > 0;
    case 'ge':
      return difference >= 0;
    case 'lt':
      return difference < 0;
    case 'le':
      return difference <= 0;
  }
}

function compare(op: Comparison, actual: unknown, literal: Literal): boolean {
  if (literal.type === 'null') return op === 'eq' ? actual == null : op === 'ne' ? actual != null : false;
  if (actual === undefined || actual === null) return op === 'ne';
  switch (literal.type) {
    case 'datetime': {
      const instant = typeof actual === 'string' ? Date.parse(actual) : Number.NaN;
      return !Number.isNaN(instant) && holds(op, instant - literal.value);
    }
    case 'string':
      return typeof actual === 'string' && holds(op, order(actual, literal.value));
    case 'number':
      return typeof actual === 'number' && holds(op, actual - literal.value);
    case 'boolean':
      return typeof actual === 'boolean' && holds(op, Number(actual) - Number(literal.value));
  }
}

export function matches(expression: FilterExpression, item: unknown): boolean {
  switch (expression.kind) {
    case 'and':
      return matches(expression.left, item) && matches(expression.right, item);
    case 'or':
      return matches(expression.left, item) || matches(expression.right, item);
    case 'not':
      return !matches(expression.operand, item);
    case 'compare':
      return compare(expression.op, readPath(item, expression.path), expression.value);
    case 'call': {
      const actual = readPath(item, expression.path);
      if (typeof actual !== 'string') return false;
      const [text, part] = [actual.toLowerCase(), expression.value.toLowerCase()];
      return expression.fn === 'startswith' ? text.startsWith(part) : text.includes(part);
    }
  }
}
