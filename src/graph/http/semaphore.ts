/**
 * At most N requests in flight per mailbox: Outlook allows 4 concurrent requests per app per mailbox and answers
 * the fifth with 429, so the client queues it instead. Requests are keyed by the mailbox in their path.
 */

export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  get inFlight(): number {
    return this.active;
  }

  async acquire(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so a newcomer cannot overtake the queue.
      if (next === undefined) this.active -= 1;
      else next();
    };
  }
}

/** One semaphore per key, created on first use. */
export class KeyedSemaphores {
  private readonly byKey = new Map<string, Semaphore>();

  constructor(readonly limit: number) {}

  for(key: string): Semaphore {
    let semaphore = this.byKey.get(key);
    if (semaphore === undefined) {
      semaphore = new Semaphore(this.limit);
      this.byKey.set(key, semaphore);
    }
    return semaphore;
  }
}

/**
 * The mailbox a Graph path addresses: `me`, `users/<id>` (lower case), or `tenant` for everything else (chats,
 * $batch…), which shares one queue of its own.
 */
export function mailboxOf(pathAndQuery: string): string {
  const path = pathAndQuery.split('?')[0] ?? '';
  if (/^\/?me(?:\/|$)/i.test(path)) return 'me';
  const user = /^\/?users\/([^/]+)/i.exec(path);
  if (user?.[1] !== undefined) return `users/${safeDecode(user[1]).toLowerCase()}`;
  return 'tenant';
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A malformed escape still names one mailbox; keying by the raw text keeps its requests together.
    return text;
  }
}
