// A pile its own counts show reclaimed (docs/diagnosis.md, "The verdict"): fds a program drops
// without closing and a collector or finalizer closes later (Java's Cleaner, Go's os.File
// finalizer) rise and fall back again and again — a sawtooth whose peaks stay far under the limit.
import { countRuns } from './row-counts.js';
import type { ProcessModel } from './host.js';

/** Samples that say it: this many counts at least, falling back at least this often, each fall this deep. */
const RECLAIMED = { samples: 4, falls: 2, fall: 0.25 } as const;
/** The peak stays under this share of its limit (or under `unknownLimit` fds when none is known). */
const PEAK = { share: 0.5, unknownLimit: 512 } as const;

/**
 * The process's own exact fd counts in capture order: its timed samples (not of rows a grep picked,
 * nor lsof rows), else the longest run of one count command (`ls /proc/PID/fd | wc -l`) pasted again
 * and again in one file.
 */
export function countSeries(p: ProcessModel): number[] {
  const timed = p.snapshots.filter((s) => !s.grep && !s.rows).map((s) => s.total);
  if (timed.length >= RECLAIMED.samples) return timed;
  // An fd folder's entries (`ls /proc/PID/fd | wc -l`), or a count already read as fds; not lsof's rows.
  const fds = p.pipelineCounts.filter((c) => c.grep.length === 0 && (c.tool === 'ls' || c.measure === 'fds'));
  let best: number[] = [];
  for (const run of countRuns(fds)) if (run.length > best.length) best = run.map((c) => c.value);
  return best.length > timed.length ? best : timed;
}

/**
 * Its counts fall back by a quarter or more at least twice over four or more samples, their floor
 * does not rise, and they never come near its limit (under half of it; under 512 fds when it is
 * unknown): what its listing holds at any moment is being closed, not kept. Returns the
 * smallest count then (a listing taken between two samples holds at least about that many), else null.
 */
export function reclaimedFloor(series: readonly number[], limit: number | null): number | null {
  if (series.length < RECLAIMED.samples || series.length > 10_000) return null;
  let falls = 0;
  for (let i = 1; i < series.length; i++) if (series[i] <= series[i - 1] * (1 - RECLAIMED.fall)) falls++;
  if (falls < RECLAIMED.falls) return null;
  const peak = Math.max(...series);
  if (peak >= (limit ? limit * PEAK.share : PEAK.unknownLimit)) return null;
  // The floor does not rise: the later half falls as low (within a quarter) as the earlier one —
  // a floor that climbs is fds kept between the collections, a leak under the sawtooth.
  const half = Math.floor(series.length / 2);
  const earlier = Math.min(...series.slice(0, half));
  const later = Math.min(...series.slice(half));
  if (later > earlier * (1 + RECLAIMED.fall)) return null;
  return Math.min(earlier, later);
}
