/**
 * Which Fluid container holds a meeting's live session. In Teams the meeting keeps it (Live Share's container
 * mapping service); outside Teams someone else must, so that every face of the same meeting joins the same
 * container: the workbench keeps it in the sandbox (GET/PUT /sandbox/live-share/{meetingKey}), tests in memory.
 *
 * Two faces that open at once both find no container and both create one; the first id offered is kept and the
 * later offer is answered with it, so the second face joins the first one's container (Live Share then drops its own).
 */

export interface ContainerIdStore {
  /** The container of the meeting's session, or null before any client has created one. */
  read(): Promise<string | null>;
  /** Offers the id of a container this client created; resolves with the id kept (an earlier client's, if any). */
  offer(containerId: string): Promise<string>;
}

/** Kept in this page or process only: for clients that share one JavaScript realm (tests, a single page). */
export function containerIdsInMemory(): ContainerIdStore {
  let kept: string | null = null;
  return {
    read: () => Promise.resolve(kept),
    offer(containerId) {
      kept ??= containerId;
      return Promise.resolve(kept);
    },
  };
}

export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

async function containerIdOf(response: Response, url: string): Promise<string | null> {
  if (!response.ok) {
    throw new Error(`The container mapping at ${url} answered ${response.status} ${response.statusText}.`);
  }
  const body: unknown = await response.json();
  const containerId = typeof body === 'object' && body !== null && 'containerId' in body ? body.containerId : undefined;
  if (containerId === null || (typeof containerId === 'string' && containerId !== '')) return containerId;
  throw new Error(`The container mapping at ${url} answered without a "containerId" (a string or null).`);
}

/**
 * Kept at an HTTP address that answers GET and PUT with `{"containerId": string | null}` and keeps the first id
 * PUT (the sandbox's /sandbox/live-share/{meetingKey}). Its failures reach join() and become `unavailable`.
 */
export function containerIdsOverHttp(
  url: string,
  fetchFn: FetchFunction = (input, init) => fetch(input, init),
): ContainerIdStore {
  return {
    async read() {
      return containerIdOf(await fetchFn(url, { method: 'GET', headers: { accept: 'application/json' } }), url);
    },
    async offer(containerId) {
      const response = await fetchFn(url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ containerId }),
      });
      const kept = await containerIdOf(response, url);
      if (kept === null) throw new Error(`The container mapping at ${url} did not keep the container ${containerId}.`);
      return kept;
    },
  };
}
