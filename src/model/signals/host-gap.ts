// Host-wide: the kernel holds many TCP sockets outside every connection table (`ss -s` closed,
// sockstat alloc - inuse). It does not say whose they are; it weighs on a process that holds
// sockets no table lists, or sockets of a type its listing cannot show.
import { formatNumber as fmt } from '../../format.js';
import { hostSocketGap } from '../host-facts.js';
import type { CaseFacts, Signal, SignalSource, Weight } from '../signal.js';
import { placedUnidentified, tcpFdsInTables } from '../placed-sockets.js';

export const hostGapSignals: SignalSource = ({ model, facts }) => {
  const gap = hostSocketGap(model);
  if (!gap) return [];
  // Not sockets its own connection rows (ss -p in its network namespace) place in a table.
  const placed = tcpFdsInTables(facts.process);
  const unconnected = facts.process.fdViews.some((v) => v.holder.unidentifiedSockets > placedUnidentified(v, placed));
  const unknownSockets = facts.kinds['socket-other'] ?? 0;
  if (!unconnected && unknownSockets < 50 && !excerptOfSockets(facts, unknownSockets)) return [];
  // Sockets whose type the listing cannot show (ls -l /proc/PID/fd: `socket:[N]`) are most
  // likely the host's unconnected ones: as strong as the pile itself. Unconnected sockets shown in
  // a process that holds a thousand fds or more (a count, or fd numbers that high) are where the
  // host's gap most likely is.
  const big = (facts.fdCount?.value ?? 0) >= 1000;
  const weight: Weight = unconnected ? (big ? 2 : 1) : unknownSockets >= 500 ? 3 : unknownSockets >= 200 ? 2 : 1;
  const signal: Signal = {
    id: 'host-socket-gap',
    kind: 'socket-unconnected',
    weight,
    count: gap.count,
    statement: unconnected
      ? `The host holds ${fmt(gap.count)} TCP sockets in no connection table (${gap.basis}), the kind this process holds.`
      : `The host holds ${fmt(gap.count)} TCP sockets in no connection table (${gap.basis}); this process holds ${fmt(unknownSockets)} sockets whose state its listing does not show.`,
    evidence: gap.ev,
  };
  return [signal];
};

/** Sockets shown in an excerpt of a table of many fds (≥ 3, at least half the rows shown). */
const EXCERPT = { min: 3, share: 0.5, holds: 50 } as const;

/**
 * An excerpt of a process's listing (a `tail` of its `ls -l /proc/PID/fd`) whose rows are mostly
 * socket links of unknown type, the process holding 50 fds or more (a count, or its highest fd
 * number): the rest of its table is off-screen, and the host's gap may be it — a pointer, no more
 * (round 196's beacon: `ss -s` closed 601 beside fds 95-99, every one `socket:[N]`).
 */
function excerptOfSockets(facts: CaseFacts, unknownSockets: number): boolean {
  if (unknownSockets < EXCERPT.min || (facts.fdCount?.value ?? 0) < EXCERPT.holds) return false;
  if (!facts.bestView?.partial) return false;
  let shown = 0;
  for (const n of Object.values(facts.kinds)) shown += n ?? 0;
  return unknownSockets >= shown * EXCERPT.share;
}
