// A whole listing by kind whose fds are nearly all regular files, in the thousands: what fills the
// table is files, though not which (a count by TYPE names no path). One path or one folder open many
// times is a leak (same-file-open, file-pile); a store keeps its segments open the same way, so a
// count of files alone only points — like running out, it never makes a leak (cases.ts's SIZE_SIGNALS).
import { fdCountText, formatNumber as fmt } from '../../format.js';
import type { CaseFacts, Signal } from '../signal.js';

/**
 * Regular files counted (ls, lsfd, a tally), or lsof rows — which over-count: each mapped library's
 * `mem` row is a REG row too, and a host-wide lsof repeats a row per thread —, and the share of the
 * fds shown they must be.
 */
const FILES_HELD = { counted: 1000, rows: 5000, share: 0.9, ofLimit: 0.5 } as const;

export const REGULAR_FILES_HELD = 'regular-files-held';

/** Nearly every fd of a whole listing by kind a regular file, thousands of them: a pointer of kind file. */
export function regularFilesHeld(f: CaseFacts, found: readonly Signal[]): Signal | null {
  if (f.bestView === null || f.bestView.partial) return null;
  if (found.some((s) => s.kind === 'file' || s.kind === 'deleted-file')) return null;
  const files = f.kinds.file ?? 0;
  const shown = Object.values(f.kinds).reduce((a, b) => a + (b ?? 0), 0);
  const rows = f.fdCount?.measure === 'rows';
  if (files < (rows ? FILES_HELD.rows : FILES_HELD.counted) || files < shown * FILES_HELD.share) return null;
  // Well under a known limit, or its count shown flat across timed samples: a store's working set
  // (a segment store's 12,292 files, flat for 30 s).
  const limit = f.fdLimit?.value ?? null;
  if (limit !== null && files < limit * FILES_HELD.ofLimit) return null;
  if (f.growth?.flat === true) return null;
  const total = f.fdCount ? fdCountText(f.fdCount.value, f.fdCount.measure) : `${fmt(shown)} fds`;
  return {
    id: REGULAR_FILES_HELD,
    kind: 'file',
    weight: 1,
    count: files,
    statement:
      `${fmt(files)} of its ${total} are regular files (${f.bestView.file}): files fill its table, though a count by kind ` +
      'names none of them; a store keeps its files open too, so it points and no more — the paths decide ' +
      "(`lsof -p PID | awk '{print $NF}' | sort | uniq -c | sort -rn | head`: one file or one folder many times is a leak).",
    evidence: [f.bestView.holder.firstEvidence],
  };
}
