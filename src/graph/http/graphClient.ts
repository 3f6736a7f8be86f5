/**
 * The one Graph client: plain `fetch` with a token provider, retries (retry.ts), a per-mailbox concurrency limit
 * (semaphore.ts), @odata.nextLink paging and typed errors (graphError.ts). Everything that touches time is injected
 * (clock, sleep, random), so the retry tests run without waiting.
 *
 * Production: `baseUrl` https://graph.microsoft.com/v1.0 and a token provider over MSAL; the workbench and the
 * tests: the sandbox's graphBaseUrl and its token. Nothing else differs.
 */
import type { Clock } from '../../core/time/clock';
import { codeForStatus, graphError, isRecord, parseGraphErrorBody, type GraphError } from './graphError';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isAdmissionStatus,
  isRepeatable,
  isTransientStatus,
  parseRetryAfter,
  realSleep,
  type RetryPolicy,
  type Sleep,
} from './retry';
import { KeyedSemaphores, mailboxOf } from './semaphore';
import { sendBatch, type BatchItem, type BatchItemResult } from './batch';

export const GRAPH_V1 = 'https://graph.microsoft.com/v1.0';

export interface TokenProvider {
  /** A bearer token for Graph. Its errors (e.g. "interaction required") reach the caller unchanged. */
  getToken(): Promise<string>;
}

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

export interface GraphClientOptions {
  readonly tokens: TokenProvider;
  readonly baseUrl?: string;
  readonly fetch?: Fetch;
  readonly clock?: Clock;
  readonly sleep?: Sleep;
  /** 0 ≤ x < 1; jitter of the backoff. */
  readonly random?: () => number;
  readonly retry?: Partial<RetryPolicy>;
  /** Outlook's limit is 4 per app per mailbox. */
  readonly maxConcurrentPerMailbox?: number;
  /** Per attempt; a request that hangs this long counts as a lost connection. */
  readonly timeoutMs?: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface GraphRequest {
  readonly method: HttpMethod;
  /** A path under the base URL with its query ("/me/events/…?$select=…"), or an absolute URL Graph gave us. */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sent as is, with `contentType`. */
  readonly body?: string;
  readonly contentType?: string;
  /**
   * May it be sent again after an answer that does not say whether it was applied (a lost connection, 504)?
   * Default: GET, PUT, DELETE and requests with If-Match; POST and PATCH without If-Match are not.
   */
  readonly repeatable?: boolean;
}

export interface GraphResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Sends it took. */
  readonly attempts: number;
}

export interface Page {
  readonly value: readonly unknown[];
  readonly nextLink: string | null;
}

/** Guard against a service that sends the same nextLink forever. */
const MAX_PAGES = 10_000;

export class GraphClient {
  readonly baseUrl: string;
  private readonly origin: string;
  private readonly basePath: string;
  private readonly tokens: TokenProvider;
  private readonly fetchFn: Fetch;
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  readonly policy: RetryPolicy;
  private readonly semaphores: KeyedSemaphores;
  private readonly timeoutMs: number;

  constructor(options: GraphClientOptions) {
    this.baseUrl = (options.baseUrl ?? GRAPH_V1).replace(/\/+$/, '');
    const base = new URL(this.baseUrl);
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.tokens = options.tokens;
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.clock = options.clock ?? { now: () => Date.now() };
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.semaphores = new KeyedSemaphores(options.maxConcurrentPerMailbox ?? 4);
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** The absolute URL of a request and its path under the base (for the mailbox key and error messages). */
  resolve(url: string): { absolute: string; relative: string } {
    if (/^https?:\/\//i.test(url)) {
      const parsed = new URL(url);
      // A nextLink elsewhere would receive our token: refuse rather than follow.
      if (parsed.origin !== this.origin) {
        throw graphError(
          { ...this.noAnswer('GET', parsed.pathname), code: 'invalid-response' },
          {
            sv: `Länken pekar utanför Microsoft Graph (${parsed.origin}); den följs inte.`,
            en: `The link points outside Microsoft Graph (${parsed.origin}); it is not followed.`,
          },
        );
      }
      const path = parsed.pathname.startsWith(this.basePath) ? parsed.pathname.slice(this.basePath.length) : parsed.pathname;
      return { absolute: url, relative: path + parsed.search };
    }
    const relative = url.startsWith('/') ? url : `/${url}`;
    return { absolute: this.baseUrl + relative, relative };
  }

  private noAnswer(method: string, path: string) {
    return {
      code: 'network' as const,
      status: null,
      graphCode: null,
      graphMessage: null,
      requestId: null,
      method,
      path,
      attempts: 0,
      retryAfterMs: null,
    };
  }

  /** Sends a request with retries; any non-2xx answer in the end is a GraphError. */
  async request(request: GraphRequest): Promise<GraphResponse> {
    const { absolute, relative } = this.resolve(request.url);
    const path = relative.split('?')[0] ?? relative;
    const headers = request.headers ?? {};
    const repeatable = request.repeatable ?? isRepeatable(request.method, headers);
    const semaphore = this.semaphores.for(mailboxOf(relative));
    let waited = 0;

    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt(request, absolute, semaphore.acquire());
      const details = { ...this.noAnswer(request.method, path), attempts: attempt };

      let retryAfterMs: number | null = null;
      let failure: GraphError;
      if (outcome.kind === 'answer') {
        const { response, text } = outcome;
        if (response.ok) return { status: response.status, headers: response.headers, text, attempts: attempt };
        const body = parseGraphErrorBody(text);
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.clock.now());
        failure = graphError({
          ...details,
          code: codeForStatus(response.status),
          status: response.status,
          graphCode: body.code,
          graphMessage: body.message,
          requestId: response.headers.get('request-id') ?? body.requestId,
          retryAfterMs,
        });
        // 429 is a refusal before any work, so anything may be sent again. A 503 may come from a gateway after the
        // work was done: a non-repeatable request is sent again only when the 503 says it was throttled (Retry-After).
        const refusedBeforeWork = response.status === 429 || (isAdmissionStatus(response.status) && retryAfterMs !== null);
        const retryable = isTransientStatus(response.status) && (repeatable || refusedBeforeWork);
        if (!retryable) throw failure;
      } else {
        failure = graphError({ ...details, cause: outcome.error });
        if (!repeatable) throw failure;
      }

      const delay = retryAfterMs ?? backoffDelay(this.policy, attempt - 1, this.random);
      if (attempt >= this.policy.maxAttempts || waited + delay > this.policy.maxTotalWaitMs) throw failure;
      waited += delay;
      await this.sleep(delay);
    }
  }

  /** One send, holding a slot of the mailbox's semaphore until the body is read. */
  private async attempt(
    request: GraphRequest,
    url: string,
    slot: Promise<() => void>,
  ): Promise<{ kind: 'answer'; response: Response; text: string } | { kind: 'lost'; error: unknown }> {
    const release = await slot;
    try {
      const token = await this.tokens.getToken();
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...request.headers,
      };
      let body: string | undefined;
      if (request.json !== undefined) {
        body = JSON.stringify(request.json);
        headers['content-type'] = 'application/json';
      } else if (request.body !== undefined) {
        body = request.body;
        headers['content-type'] = request.contentType ?? 'application/octet-stream';
      }
      let response: Response;
      try {
        response = await this.fetchFn(url, {
          method: request.method,
          headers,
          ...(body === undefined ? {} : { body }),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        // Reading the body can fail too when the connection drops half way: that is a lost answer as well.
        return { kind: 'answer', response, text: await response.text() };
      } catch (error) {
        return { kind: 'lost', error };
      }
    } finally {
      release();
    }
  }

  /** A request whose answer is JSON (or empty, e.g. 204): the parsed body, or null when there is none. */
  async json(request: GraphRequest): Promise<unknown> {
    const response = await this.request(request);
    return this.parse(response, request);
  }

  parse(response: GraphResponse, request: Pick<GraphRequest, 'method' | 'url'>): unknown {
    if (response.text.trim() === '') return null;
    try {
      return JSON.parse(response.text) as unknown;
    } catch (error) {
      const { relative } = this.resolve(request.url);
      throw graphError({
        ...this.noAnswer(request.method, relative.split('?')[0] ?? relative),
        code: 'invalid-response',
        status: response.status,
        requestId: response.headers.get('request-id'),
        attempts: response.attempts,
        cause: error,
      });
    }
  }

  /** One page of a collection. */
  async page(url: string, headers?: Readonly<Record<string, string>>): Promise<Page> {
    const request: GraphRequest = { method: 'GET', url, ...(headers === undefined ? {} : { headers }) };
    const body = await this.json(request);
    const value = isRecord(body) ? body['value'] : undefined;
    const next = isRecord(body) ? body['@odata.nextLink'] : undefined;
    if (!Array.isArray(value) || (next !== undefined && next !== null && typeof next !== 'string')) {
      const { relative } = this.resolve(url);
      throw graphError(
        { ...this.noAnswer('GET', relative.split('?')[0] ?? relative), code: 'invalid-response', status: 200, attempts: 1 },
        { sv: 'Svaret var ingen samling (value saknas).', en: 'The answer was not a collection (no value).' },
      );
    }
    return { value: value as readonly unknown[], nextLink: typeof next === 'string' ? next : null };
  }

  /** JSON batching: split by 20, items answered 429/503 sent again; one result per item, in order (batch.ts). */
  batch(items: readonly BatchItem[]): Promise<BatchItemResult[]> {
    return sendBatch({ client: this, sleep: this.sleep, now: () => this.clock.now(), random: this.random }, items);
  }

  /** Every item of a collection, following @odata.nextLink exactly as Graph gives it. */
  async all(url: string, headers?: Readonly<Record<string, string>>): Promise<unknown[]> {
    const items: unknown[] = [];
    const seen = new Set<string>();
    let next: string | null = url;
    for (let pages = 0; next !== null; pages += 1) {
      if (pages >= MAX_PAGES || seen.has(next)) {
        const { relative } = this.resolve(url);
        throw graphError(
          { ...this.noAnswer('GET', relative.split('?')[0] ?? relative), code: 'invalid-response', status: 200, attempts: 1 },
          { sv: 'Sidorna tog aldrig slut (samma nextLink igen).', en: 'The pages never ended (the same nextLink again).' },
        );
      }
      seen.add(next);
      const page = await this.page(next, headers);
      items.push(...page.value);
      next = page.nextLink;
    }
    return items;
  }
}
