// Many values at once, never spread onto the stack: Math.max(...values) and into.push(...values)
// throw a RangeError past about 120,000 values, and a capture from a ticket can hold more (a
// transcript of 200,000 commands, two strace files of 100,000 threads each).

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

/** Appends every value to `into`, in order (what `into.push(...values)` does for a few). */
export function appendAll<T>(into: T[], values: Iterable<T>): void {
  for (const v of values) into.push(v);
}

/** Adds `value` to the list `key` holds in `map`, a new list for a new key (grouping without copying a list per value). */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The one of the most count (the first of equals); undefined for none. */
export function mostCounted<T extends { count: number }>(xs: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const x of xs) if (!best || x.count > best.count) best = x;
  return best;
}
