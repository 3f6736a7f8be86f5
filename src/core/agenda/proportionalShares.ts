/**
 * Sharing a whole number of minutes between items in proportion to their planned lengths, within a floor and a
 * ceiling per item, with largest-remainder rounding. Integer arithmetic throughout, so the shares always add up
 * to exactly the total (floating-point scaling drifts by a minute now and then).
 */

export interface ShareBounds {
  /** The least the item may get. */
  readonly lower: number;
  /** The most the item may get, and its weight: shares are proportional to it. */
  readonly upper: number;
}

/**
 * Whole-number shares of `total`, each within its bounds, adding up to exactly `total`.
 * Precondition (the caller checks it and reports the other cases): integer bounds with lower ≤ upper, and
 * Σ lower ≤ total ≤ Σ upper.
 *
 * Every item is scaled by the same factor f = total / Σ upper ≤ 1; an item that f would take below its floor is
 * held at the floor and f is recomputed for the rest (which lowers f, so the loop only ever adds items to hold).
 * The fractions are then rounded so the largest remainders get the spare minutes, ties to the earlier item.
 */
export function shareProportionally(bounds: readonly ShareBounds[], total: number): number[] {
  const held = bounds.map(() => false);
  let restTotal = total;
  let restWeight = bounds.reduce((sum, b) => sum + b.upper, 0);

  for (;;) {
    // Compare restTotal / restWeight · upper < lower without dividing: exact for integers.
    const toHold = bounds.flatMap((b, i) => (!held[i] && restTotal * b.upper < b.lower * restWeight ? [i] : []));
    if (toHold.length === 0) break;
    for (const i of toHold) {
      const b = bounds[i];
      if (b === undefined) continue;
      held[i] = true;
      restTotal -= b.lower;
      restWeight -= b.upper;
    }
  }

  const shares = bounds.map((b, i) => {
    if (held[i]) return { value: b.lower, remainder: -1 };
    // Only zero-weight items are free when restWeight is 0; their bounds are 0..0.
    if (restWeight === 0) return { value: 0, remainder: -1 };
    const scaled = restTotal * b.upper;
    const remainder = scaled % restWeight;
    return { value: (scaled - remainder) / restWeight, remainder };
  });

  let spare = total - shares.reduce((sum, s) => sum + s.value, 0);
  const byRemainder = shares
    .map((s, i) => ({ i, remainder: s.remainder }))
    .filter((s) => s.remainder > 0)
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  const values = shares.map((s) => s.value);
  for (const { i } of byRemainder) {
    if (spare <= 0) break;
    values[i] = (values[i] ?? 0) + 1;
    spare -= 1;
  }
  return values;
}
