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
