/**
 * The workbench's stand-in for sharing to the stage: only a message of the workbench's own origin, in exactly the
 * share's shape, reaches the stage frame.
 */
import { describe, expect, it, vi } from 'vitest';
import { listenForStageShares, readStageShare, shareToWorkbenchStage } from '../../src/hosts/workbench/stageChannel';

const ORIGIN = 'http://127.0.0.1:3000';

describe('the workbench stage channel', () => {
  it('posts a share to the workbench page at its own origin, and reads it back', () => {
    const postMessage = vi.fn();
    shareToWorkbenchStage({ postMessage }, ORIGIN, 'eyJ2IjoxfQ');
    expect(postMessage).toHaveBeenCalledTimes(1);
    const [data, origin] = postMessage.mock.calls[0] as [unknown, string];
    expect(origin).toBe(ORIGIN);
    expect(readStageShare({ origin: ORIGIN, data }, ORIGIN)).toBe('eyJ2IjoxfQ');
  });

  it.each([
    ['another origin', { origin: 'https://evil.example', data: { type: 'samrad:share-to-stage', payload: 'x' } }],
    ['no object', { origin: ORIGIN, data: 'samrad:share-to-stage' }],
    ['null', { origin: ORIGIN, data: null }],
    ['another type', { origin: ORIGIN, data: { type: 'other', payload: 'x' } }],
    ['a payload that is not text', { origin: ORIGIN, data: { type: 'samrad:share-to-stage', payload: 42 } }],
  ])('ignores %s', (_name, event) => {
    expect(readStageShare(event, ORIGIN)).toBeNull();
  });

  it('calls the listener for shares only, and no more after unsubscribing', () => {
    const target = new EventTarget();
    const window = {
      addEventListener: target.addEventListener.bind(target),
      removeEventListener: target.removeEventListener.bind(target),
    } as Pick<Window, 'addEventListener' | 'removeEventListener'>;
    const listener = vi.fn();
    const stop = listenForStageShares(window, ORIGIN, listener);
    target.dispatchEvent(new MessageEvent('message', { origin: ORIGIN, data: { type: 'samrad:share-to-stage', payload: 'a' } }));
    target.dispatchEvent(
      new MessageEvent('message', { origin: 'https://evil.example', data: { type: 'samrad:share-to-stage', payload: 'b' } }),
    );
    stop();
    target.dispatchEvent(new MessageEvent('message', { origin: ORIGIN, data: { type: 'samrad:share-to-stage', payload: 'c' } }));
    expect(listener.mock.calls).toEqual([['a']]);
  });
});
