/**
 * The Graph ports' code (the gateway, zod, the consultation schema) as its own chunk. A page starts loading it as
 * soon as its script runs, in parallel with the host's start; the face awaits it when it needs the ports.
 */
import { chunkLoadFailed } from '../../views/outlook/lazyView';
import type { createGraphPorts } from './graphPorts';

let loading: Promise<typeof createGraphPorts> | null = null;

export function loadGraphPorts(): Promise<typeof createGraphPorts> {
  loading ??= import(/* webpackChunkName: "graph-ports" */ './graphPorts').then(
    (graph) => graph.createGraphPorts,
    (cause: unknown) => {
      // Not kept: the next attempt loads again.
      loading = null;
      throw chunkLoadFailed(cause);
    },
  );
  return loading;
}

/** Starts loading now; a failure is reported where the ports are awaited (loadGraphPorts), which loads again. */
export function preloadGraphPorts(): void {
  loadGraphPorts().catch(() => undefined);
}
