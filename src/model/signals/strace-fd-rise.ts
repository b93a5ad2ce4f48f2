// The fd numbers one creating call of the traced process is handed rise and rise, none closed,
// until the same thread fails with EMFILE: growth, caught in its strace. The kernel hands out the
// lowest free fd, so a call handed fd 3, 4, 5 … 8191 saw every lower fd still open each time: the
// table filled up under it (tio's `open("/dev/null") = 3` … `= 8191`, then `= -1 EMFILE`).
import { formatNumber as fmt } from '../../format.js';
import type { LeakGroup } from '../strace/types.js';
import type { Signal, SignalSource } from '../signal.js';
import { threadLabel } from '../../process-label.js';

/** Fewer fds than this are no run; the last must be at least `times` the first: the table grew. */
const FD_RISE = { min: 3, times: 2 } as const;

export const straceFdRiseSignals: SignalSource = ({ facts }) => {
  const a = facts.strace?.analysis;
  if (!a || a.exhaustion.emfile === 0) return [];
  const walled = new Set(a.exhaustion.threads.filter((t) => t.emfile > 0).map((t) => t.tid));
  const run = a.leaks
    .filter((g) => g.pid === facts.process.pid && walled.has(g.tid) && fdsRose(g.fds))
    .sort((x, y) => y.fds[y.fds.length - 1] - x.fds[x.fds.length - 1])[0];
  return run ? [signalOf(run)] : [];
};

/** Strictly rising fd numbers, at least FD_RISE.min of them, the last at least FD_RISE.times the first. */
export function fdsRose(fds: readonly number[]): boolean {
  if (fds.length < FD_RISE.min) return false;
  for (let i = 1; i < fds.length; i++) if (fds[i] <= fds[i - 1]) return false;
  return fds[fds.length - 1] >= fds[0] * FD_RISE.times;
}

function signalOf(g: LeakGroup): Signal {
  const first = g.fds[0];
  const last = g.fds[g.fds.length - 1];
  return {
    id: 'strace-fd-rose',
    kind: null,
    weight: 1,
    count: last + 1,
    statement:
      `strace: ${threadLabel(g.tid, g.threadName)} was handed ever higher fds by ${g.signature}, ${fmt(first)} up to ${fmt(last)}, ` +
      `none closed, then failed with EMFILE: each lower fd was still open every time (the lowest free fd is handed out), so its table grew until it was full.`,
    evidence: g.evidence.slice(0, 4),
  };
}
