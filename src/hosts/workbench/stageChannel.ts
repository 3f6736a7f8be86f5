/**
 * The workbench's stand-in for Teams' meeting stage. In Teams, `shareAppContentToStage` opens the shared address in
 * every participant's stage; in the workbench a face posts the shared content to the workbench page, which shows it
 * in its stage frame. Only a message from a frame of the workbench's own origin, in exactly this shape, is taken.
 */

const MESSAGE_TYPE = 'samrad:share-to-stage';

export interface StageShareMessage {
  readonly type: typeof MESSAGE_TYPE;
  /** The stage payload (src/core/meeting/stagePayload.ts), as it goes into the stage page's address. */
  readonly payload: string;
}

/** From a face in a workbench frame: shows the stage with this payload in the workbench's stage frame. */
export function shareToWorkbenchStage(target: Pick<Window, 'postMessage'>, origin: string, payload: string): void {
  const message: StageShareMessage = { type: MESSAGE_TYPE, payload };
  target.postMessage(message, origin);
}

/** The payload of a stage share, or null for any other message (other origins, other shapes). */
export function readStageShare(event: Pick<MessageEvent, 'origin' | 'data'>, ownOrigin: string): string | null {
  if (event.origin !== ownOrigin) return null;
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null) return null;
  const { type, payload } = data as { type?: unknown; payload?: unknown };
  return type === MESSAGE_TYPE && typeof payload === 'string' ? payload : null;
}

/** Calls `listener` with every stage share the page receives; returns the unsubscribe. */
export function listenForStageShares(
  window: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  ownOrigin: string,
  listener: (payload: string) => void,
): () => void {
  const handler = (event: MessageEvent): void => {
    const payload = readStageShare(event, ownOrigin);
    if (payload !== null) listener(payload);
  };
  window.addEventListener('message', handler);
  return () => window.removeEventListener('message', handler);
}
