// How a process's fd count moves across samples: the least-squares slope, and whether the count
// climbs or holds. Read by the growth signal and the fd-growth rule.
import type { FdSnapshot } from '../sources/artifacts.js';
import { maxOf, minOf } from '../many-values.js';

export interface Growth {
  samples: FdSnapshot[];
  /** Seconds since the first sample, per sample. */
  seconds: number[];
  perMinute: number;
  unconnectedPerMinute: number;
  gained: number;
  spanSeconds: number;
  /** Gained at least GROWTH_MIN fds at a positive slope, and did not level off (see levelledOff). */
  rising: boolean;
  /** Never went down between two samples. */
  monotonic: boolean;
  /** Moved by less than FLAT_MAX fds (or 1 %) either way. */
  flat: boolean;
  /** The climb the capture ended in (see climbToEnd), or null. */
  climbToEnd: Climb | null;
  /** The count rose, then held (see levelledOff), or null. */
  levelled: Plateau | null;
}

/** A rise that stopped: the count held flat over the capture's last samples. */
export interface Plateau {
  /** Samples in the flat run that ends the capture. */
  samples: number;
  seconds: number;
  /** The count it held (its last sample's). */
  level: number;
}

/** A run of samples that never drops, ending at the last sample. */
export interface Climb {
  /** Samples in the run (its first is where it started from). */
  samples: number;
  gained: number;
  /** How far the last sample is above every sample before the run. */
  aboveEarlier: number;
}

const GROWTH_MIN = 5;
const FLAT_MAX = 5;
/** A flat run that never drops and gains this many fds climbs rather than holds (see climbsWithin). */
const SLOW_CLIMB = 3;
/**
 * A count that rose and then held flat over at least this many last samples, for at least this share
 * of the capture's time, under this share of its limit (the usual default 1,024 when it is unknown):
 * a pool that warmed up, not a leak. A leak only stops climbing at its limit; a periodic job's steps
 * are as long as the flat stretches between them, so its last flat run is no longer than the climb.
 */
const PLATEAU = { samples: 4, shareOfTime: 0.5, ofLimit: 0.5, usualLimit: 1024 } as const;

function flatSpread(values: readonly number[], base: number): boolean {
  return maxOf(values) - minOf(values) < Math.max(FLAT_MAX, base * 0.01);
}

/**
 * The flat run the capture ended in, when it followed a rise and lasted at least half the capture
 * (PLATEAU), well under the limit: the count rose, then held (a keep-alive pool filled to its size,
 * a cache warmed). Null otherwise.
 */
export function levelledOff(totals: readonly number[], seconds: readonly number[], limit: number | null): Plateau | null {
  const n = totals.length;
  if (n < PLATEAU.samples + 1 || seconds.length !== n) return null;
  const level = totals[n - 1];
  let start = n - 1;
  let lo = level;
  let hi = level;
  while (start > 0) {
    const v = totals[start - 1];
    if (!flatSpread([Math.min(lo, v), Math.max(hi, v)], level)) break;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
    start--;
  }
  const span = seconds[n - 1] - seconds[0];
  const held = seconds[n - 1] - seconds[start];
  if (start === 0 || n - start < PLATEAU.samples || span <= 0 || held < span * PLATEAU.shareOfTime) return null;
  // It rose into the plateau: the samples before it were lower, not a fall from a peak.
  if (maxOf(totals.slice(0, start)) >= level) return null;
  if (level >= (limit ?? PLATEAU.usualLimit) * PLATEAU.ofLimit) return null;
  if (climbsWithin(totals.slice(start))) return null;
  return { samples: n - start, seconds: held, level };
}
/**
 * A run within FLAT_MAX that never drops and ends at least SLOW_CLIMB above its start has not held:
 * it is a slow climb (one fd every 15-20 s over a minute: 15, 16, 18, 19), which a window that
 * short keeps within a few fds; a pool that filled holds its size (67, 67, 68, 67).
 */
function climbsWithin(run: readonly number[]): boolean {
  const never = run.every((v, i) => i === 0 || v >= run[i - 1]);
  return never && run[run.length - 1] - run[0] >= SLOW_CLIMB;
}

/** Least-squares slope of (seconds, value) points, per minute. */
function perMinute(points: readonly [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60;
}

/**
 * Seconds of a sample's time: an ISO time, a time of day (`10:00:01`) whose clock is unwound
 * past midnight by the caller, or an offset (`+12s`). NaN when it is neither.
 */
function sampleSeconds(at: string): number {
  // `+12s`: seconds since the first sample of a loop that prints no times (fd-count-samples).
  const offset = /^\+(\d{1,9})s$/.exec(at);
  if (offset) return Number(offset[1]);
  const tod = /^(\d\d):(\d\d):(\d\d)(?:\.(\d+))?$/.exec(at);
  if (tod) return Number(tod[1]) * 3600 + Number(tod[2]) * 60 + Number(tod[3]) + (tod[4] ? Number(`0.${tod[4]}`) : 0);
  return Date.parse(at) / 1000;
}

/** Seconds since the first sample; a time of day that goes backwards has passed midnight. */
function secondsOf(samples: readonly FdSnapshot[]): number[] | null {
  const raw = samples.map((s) => sampleSeconds(s.at));
  if (raw.some((t) => !Number.isFinite(t))) return null;
  const out: number[] = [];
  let day = 0;
  let previous = raw[0];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] + day < previous && /^\d\d:/.test(samples[i].at)) day += 86400;
    previous = raw[i] + day;
    out.push(previous - raw[0]);
  }
  return out;
}

/**
 * The climb a capture ended in: the longest run of samples ending at the last one in which the count
 * never dropped, and how far it ended above every sample before it (a count that fell back from an
 * earlier, higher one and regained it is a wobble, not a climb). Null when the last count is not the
 * highest of all.
 */
export function climbToEnd(totals: readonly number[]): Climb | null {
  const n = totals.length;
  if (n < 2) return null;
  const last = totals[n - 1];
  let start = n - 1;
  while (start > 0 && totals[start - 1] <= totals[start]) start--;
  let earlier = totals[0];
  for (let i = 1; i < start; i++) if (totals[i] > earlier) earlier = totals[i];
  const aboveEarlier = last - earlier;
  return aboveEarlier > 0 ? { samples: n - start, gained: last - totals[start], aboveEarlier } : null;
}

/** `limit`: the process's own open-files limit, when known (the plateau test measures against it). */
export function growthOf(samples: readonly FdSnapshot[], limit: number | null = null): Growth | null {
  if (samples.length < 2) return null;
  const seconds = secondsOf(samples);
  if (!seconds || seconds[seconds.length - 1] <= 0) return null;
  const first = samples[0];
  const last = samples[samples.length - 1];
  const rate = perMinute(samples.map((s, i) => [seconds[i], s.total]));
  const gained = last.total - first.total;
  const monotonic = samples.every((s, i) => i === 0 || s.total >= samples[i - 1].total);
  const totals = samples.map((s) => s.total);
  const spread = maxOf(totals) - minOf(totals);
  const levelled = levelledOff(totals, seconds, last.limit ?? limit);
  return {
    samples: [...samples],
    seconds,
    perMinute: rate,
    unconnectedPerMinute: perMinute(samples.map((s, i) => [seconds[i], s.byKind['socket-unconnected'] ?? 0])),
    gained,
    spanSeconds: seconds[seconds.length - 1],
    rising: rate > 0 && gained >= GROWTH_MIN && levelled === null,
    monotonic,
    flat: spread < Math.max(FLAT_MAX, first.total * 0.01),
    climbToEnd: climbToEnd(samples.map((s) => s.total)),
    levelled,
  };
}
