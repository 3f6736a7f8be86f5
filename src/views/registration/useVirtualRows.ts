/**
 * Virtual rows for a long table of fixed-height rows: only the rows in view, plus a margin either side, are in the
 * DOM; spacers of the exact height stand for the rest, so the scroll bar, the scroll position and the row indices
 * are those of the whole list. The window is derived from one number in state (the first row at the top of the
 * view), so scrolling within a row re-renders nothing and no row keeps state of its own.
 *
 * Layout is read only where the browser has it ready (the scroll position in a scroll event, the size in a
 * ResizeObserver callback) and written only in answer to a key: no reads after writes, no layout thrash.
 */
import { useLayoutEffect, useState, type KeyboardEvent, type RefObject, type UIEvent } from 'react';

/** Rows [start, end) of the list. */
export interface RowWindow {
  readonly start: number;
  readonly end: number;
}

export interface WindowInput {
  readonly count: number;
  readonly rowHeight: number;
  /** The first row at the top of the view (scrollTop / rowHeight, rounded down). */
  readonly topRow: number;
  /** The height of the scroll container, the sticky header row (one row high) included. */
  readonly viewportHeight: number;
  /** Rows rendered beyond the view on either side, so a fast scroll or a Tab into the next row finds it there. */
  readonly overscan: number;
}

/** How many rows fit below the header row, a partly shown one included. */
export function rowsInView(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.ceil(viewportHeight / rowHeight) - 1);
}

export function rowWindow({ count, rowHeight, topRow, viewportHeight, overscan }: WindowInput): RowWindow {
  const inView = rowsInView(viewportHeight, rowHeight);
  // A list that just got shorter (a filter) is scrolled by the browser to its end: show its last rows meanwhile.
  const top = Math.max(0, Math.min(topRow, count - inView));
  return { start: Math.max(0, top - overscan), end: Math.min(count, top + inView + 1 + overscan) };
}

export type RowSegment = { readonly kind: 'rows' | 'gap'; readonly start: number; readonly end: number };

/**
 * The list as rendered runs of rows and spacer gaps, in order. `pinned` is a row kept rendered although out of
 * the window — the row that holds the keyboard focus, so scrolling it away with the mouse never drops the focus
 * to the page.
 */
export function rowSegments(count: number, range: RowWindow, pinned: number | null): RowSegment[] {
  const runs: { start: number; end: number }[] = [];
  if (pinned !== null && pinned >= 0 && pinned < count && pinned < range.start) runs.push({ start: pinned, end: pinned + 1 });
  if (range.end > range.start) runs.push({ start: range.start, end: range.end });
  if (pinned !== null && pinned >= 0 && pinned < count && pinned >= range.end) runs.push({ start: pinned, end: pinned + 1 });
  const segments: RowSegment[] = [];
  let at = 0;
  for (const run of runs) {
    if (run.start > at) segments.push({ kind: 'gap', start: at, end: run.start });
    segments.push({ kind: 'rows', start: run.start, end: run.end });
    at = run.end;
  }
  if (at < count) segments.push({ kind: 'gap', start: at, end: count });
  return segments;
}

export interface ScrollInput {
  readonly scrollTop: number;
  readonly count: number;
  readonly rowHeight: number;
  readonly viewportHeight: number;
}

/**
 * Where a key scrolls the list, or null for a key that is not for scrolling: ArrowDown / ArrowUp one row,
 * PageDown / PageUp a view less one row (the row at the edge stays in sight as the reference), Home / End the
 * first and the last row. Always on a row boundary, so the top row is whole after every key.
 */
export function scrollTargetForKey(key: string, { scrollTop, count, rowHeight, viewportHeight }: ScrollInput): number | null {
  const maxTop = Math.max(0, (count + 1) * rowHeight - viewportHeight);
  const row = scrollTop / rowHeight;
  const page = Math.max(1, rowsInView(viewportHeight, rowHeight) - 1);
  let target: number;
  switch (key) {
    case 'ArrowDown':
      target = (Math.floor(row) + 1) * rowHeight;
      break;
    case 'ArrowUp':
      target = (Math.ceil(row) - 1) * rowHeight;
      break;
    case 'PageDown':
      target = (Math.floor(row) + page) * rowHeight;
      break;
    case 'PageUp':
      target = (Math.ceil(row) - page) * rowHeight;
      break;
    case 'Home':
      target = 0;
      break;
    case 'End':
      target = maxTop;
      break;
    default:
      return null;
  }
  return Math.min(maxTop, Math.max(0, target));
}

export interface VirtualRowsOptions {
  readonly count: number;
  readonly rowHeight: number;
  readonly overscan: number;
  /** A fixed height of the scroll container; when absent it is measured, and `fallbackHeight` used until then. */
  readonly viewportHeight: number | undefined;
  /** The height assumed where nothing can be measured (jsdom has no layout). */
  readonly fallbackHeight: number;
}

export interface VirtualRows {
  readonly viewportHeight: number;
  /** The rows to render, the overscan included. */
  readonly range: RowWindow;
  readonly onScroll: (event: UIEvent<HTMLElement>) => void;
  /** Scrolling keys, when the scroll container itself has the focus (controls inside keep their own keys). */
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  readonly scrollTo: (top: number) => void;
}

/** `containerRef` is the scroll container's: its scrollTop is the one the keys set, its size the one measured. */
export function useVirtualRows(
  containerRef: RefObject<HTMLElement | null>,
  { count, rowHeight, overscan, viewportHeight, fallbackHeight }: VirtualRowsOptions,
): VirtualRows {
  const [topRow, setTopRow] = useState(0);
  const [measured, setMeasured] = useState<number | null>(null);

  useLayoutEffect(() => {
    const element = containerRef.current;
    if (viewportHeight !== undefined || element === null || typeof ResizeObserver === 'undefined') return;
    // The observer reports the size once on observe() and again on every change (a resized pane, a list that
    // grows up to the maximum height); where there is no layout it never reports, and the fallback stands.
    const observer = new ResizeObserver((entries) => {
      const height = entries[0]?.contentRect.height ?? 0;
      if (height > 0) setMeasured(height);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [containerRef, viewportHeight]);

  const height = viewportHeight ?? measured ?? fallbackHeight;
  const scrollTo = (top: number): void => {
    const element = containerRef.current;
    if (element !== null) element.scrollTop = top;
    // Set here as well as in the scroll event, which a browser fires later and jsdom never: the same value twice
    // is one render, React bails out of the second.
    setTopRow(Math.floor(top / rowHeight));
  };

  return {
    viewportHeight: height,
    range: rowWindow({ count, rowHeight, topRow, viewportHeight: height, overscan }),
    onScroll: (event) => setTopRow(Math.floor(event.currentTarget.scrollTop / rowHeight)),
    onKeyDown: (event) => {
      if (event.target !== event.currentTarget) return;
      const target = scrollTargetForKey(event.key, {
        scrollTop: event.currentTarget.scrollTop,
        count,
        rowHeight,
        viewportHeight: height,
      });
      if (target === null) return;
      event.preventDefault();
      scrollTo(target);
    },
    scrollTo,
  };
}
