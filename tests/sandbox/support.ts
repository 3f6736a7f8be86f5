/**
 * The sandbox as tests meet it: started on port 0 with a fresh temporary data folder, reached over real HTTP with
 * fetch, signed in as a person by their bearer token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FaultSettings, RunningSandbox, SandboxPerson } from '../../sandbox/contract';
import { startSandbox } from '../../sandbox/server';

export interface TestSandbox {
  readonly sandbox: RunningSandbox;
  readonly dataDir: string;
  /** Stops the sandbox and removes its folder. */
  dispose(): Promise<void>;
}

export function freshDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'samrad-sandbox-test-'));
}

export async function startTestSandbox(faults?: Partial<FaultSettings>): Promise<TestSandbox> {
  const dataDir = freshDataDir();
  const sandbox = await startSandbox({ dataDir, ...(faults === undefined ? {} : { faults }) });
  return {
    sandbox,
    dataDir,
    async dispose() {
      await sandbox.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Reply<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface GraphErrorReply {
  readonly error: { readonly code: string; readonly message: string; readonly innerError: Record<string, string> };
}

/** A signed-in person's view of Graph: paths are relative to /v1.0 (or absolute, as nextLinks are). */
export class GraphClient {
  constructor(
    private readonly sandbox: RunningSandbox,
    readonly person: SandboxPerson,
  ) {}

  get token(): string {
    return this.sandbox.tokenFor(this.person.id);
  }

  url(pathOrUrl: string): string {
    return pathOrUrl.startsWith('http') ? pathOrUrl : `${this.sandbox.graphBaseUrl}${pathOrUrl}`;
  }

  async raw(
    method: string,
    pathOrUrl: string,
    init: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    return fetch(this.url(pathOrUrl), {
      method,
      headers: { Authorization: `Bearer ${this.token}`, ...init.headers },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
  }

  async call<T = unknown>(
    method: string,
    pathOrUrl: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const response = await this.raw(method, pathOrUrl, {
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text === '' ? undefined : JSON.parse(text)) as T };
  }

  get<T = unknown>(pathOrUrl: string, headers?: Record<string, string>): Promise<Reply<T>> {
    return this.call<T>('GET', pathOrUrl, undefined, headers);
  }

  patch<T = unknown>(pathOrUrl: string, body: unknown, headers?: Record<string, string>): Promise<Reply<T>> {
    return this.call<T>('PATCH', pathOrUrl, body, headers);
  }

  post<T = unknown>(pathOrUrl: string, body?: unknown, headers?: Record<string, string>): Promise<Reply<T>> {
    return this.call<T>('POST', pathOrUrl, body ?? {}, headers);
  }
}

export function personOf(sandbox: RunningSandbox, id: string): SandboxPerson {
  const person = sandbox.people.find((p) => p.id === id);
  if (person === undefined) throw new Error(`No seed person ${id}`);
  return person;
}

export function clientFor(sandbox: RunningSandbox, who: SandboxPerson | string): GraphClient {
  return new GraphClient(sandbox, typeof who === 'string' ? personOf(sandbox, who) : who);
}

/** The seed's cast: the organiser, the presenter, and the participants in seed order. */
export function cast(sandbox: RunningSandbox): {
  organiser: SandboxPerson;
  presenter: SandboxPerson;
  participants: SandboxPerson[];
} {
  const [organiser, presenter, ...participants] = sandbox.people;
  if (organiser === undefined || presenter === undefined) throw new Error('The seed has no organiser or presenter');
  return { organiser, presenter, participants };
}

export function attendee(person: SandboxPerson): { emailAddress: { address: string; name: string }; type: 'required' } {
  return { emailAddress: { address: person.mail, name: person.displayName }, type: 'required' };
}
