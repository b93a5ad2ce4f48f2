// A count that climbs across samples is a leak in progress; a steady one is evidence of health.
// Sources: fd snapshots (fdleak collect), timed fd-count samples (`10:00:01 1017` per line).
import { formatNumber as fmt } from '../../format.js';
import type { SignalSource } from '../signal.js';

/** Gained at least this many fds, never dropping, over at least this many samples: decisive. */
const STEADY_CLIMB = { samples: 4, gained: 50 } as const;
const CLIMB = { gained: 20, share: 0.02 } as const;

export const fdGrowthSignals: SignalSource = ({ facts }) => {
  const g = facts.growth;
  if (!g?.rising) return [];
  const first = g.samples[0];
  const last = g.samples[g.samples.length - 1];
  const steady = g.monotonic && g.samples.length >= STEADY_CLIMB.samples && g.gained >= STEADY_CLIMB.gained;
  const climbing = g.gained >= CLIMB.gained && g.gained >= first.total * CLIMB.share;
  if (!steady && !climbing) return [];
  return [
    {
      id: 'fd-growth',
      kind: null,
      weight: steady ? 3 : 2,
      count: g.gained,
      statement:
        `Its fd count went from ${fmt(first.total)} to ${fmt(last.total)} in ${fmt(Math.round(g.spanSeconds))} s over ${g.samples.length} samples ` +
        `(${fmt(Math.round(g.perMinute * 10) / 10)} per minute${g.monotonic ? ', never dropping' : ''}).`,
      evidence: [first.ev, last.ev],
    },
  ];
};
