/**
 * jsdom has no layout engine, so it has no ResizeObserver; Fluent's MessageBar uses one to reflow. Nothing ever
 * resizes in jsdom, so an observer that never calls back is the faithful stand-in.
 */
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class NoLayoutResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, 'ResizeObserver', { value: NoLayoutResizeObserver, configurable: true, writable: true });
}

/**
 * Testing Library waits 1 s for what a view shows after a promise; lazy chunks and several promise hops can take
 * longer on a loaded two-core machine (CI has seen a dialog take over 5 s while other test files ran). A longer wait
 * changes no outcome: a view that never shows it still fails.
 */
if (typeof window !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 15_000 });
}

export {};
