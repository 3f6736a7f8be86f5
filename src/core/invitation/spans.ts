/**
 * Spans of a text already claimed by a match (a date, an organisation's name), kept sorted by start. Claimed
 * spans never overlap, so the only one that can overlap a new span is the last one starting before the new one
 * ends: a binary search finds it, which keeps a text with thousands of matches fast.
 */
export class Claims {
  private readonly spans: [number, number][] = [];

  /** Claims [start, end) unless it overlaps a span claimed earlier; says whether it did. */
  claim(start: number, end: number): boolean {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.spans[mid]?.[0] ?? 0) < end) low = mid + 1;
      else high = mid;
    }
    const before = this.spans[low - 1];
    if (before !== undefined && before[1] > start) return false;
    this.spans.splice(low, 0, [start, end]);
    return true;
  }
}
