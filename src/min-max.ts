// The largest and the smallest of many numbers. Math.max(...values) spreads them onto the stack and
// throws a RangeError past about 120,000 of them; a capture from a ticket can hold more.

/** The largest value (-Infinity for none, as Math.max()). */
export function maxOf(values: Iterable<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest value (Infinity for none, as Math.min()). */
export function minOf(values: Iterable<number>): number {
  let min = Number.POSITIVE_INFINITY;
  for (const v of values) if (v < min) min = v;
  return min;
}
