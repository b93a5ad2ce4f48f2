// valgrind --track-fds=yes lists, when a program exits, every fd it still holds with the call that
// made it. An fd that is not `<inherited from parent>` was made by the program and never closed in
// its whole run. One such fd is what any program holds (its log, its listening socket, its
// terminal); one call path that made several and closed none of them is code that makes fds and
// forgets them — as strace's creations never closed, but over the program's whole life. How many
// says how strong: a handful is a pointer (a test that ran the path twice), dozens a pattern, a
// pile a leak. A daemon stopped for the report holds its working set, each piece made once:
// distinct call paths, no signal.
import { formatNumber as fmt } from '../../format.js';
import { leakKindOf, type Signal, type SignalSource } from '../signal.js';
import type { Weight } from '../signal.js';
import type { UnclosedAtExit } from '../../sources/artifacts.js';
import { describeKind } from '../../leak-kinds.js';

/** fds one call path made and never closed: from MANY a pattern (2), from PILE a leak (3); from FEW it points (1). */
const UNCLOSED = { FEW: 2, MANY: 10, PILE: 50 } as const;

export const unclosedAtExitSignals: SignalSource = ({ model, facts }) => {
  const pid = facts.process.pid;
  let best: (typeof model.unclosedAtExit)[number] | undefined;
  for (const g of model.unclosedAtExit) if (g.pid === pid && (!best || g.count > best.count)) best = g;
  if (!best) return [];
  if (best.by === 'checker') return [checkerSignal(best)];
  if (best.count < UNCLOSED.FEW) return [];
  const weight: Weight = best.count >= UNCLOSED.PILE ? 3 : best.count >= UNCLOSED.MANY ? 2 : 1;
  const signal: Signal = {
    id: 'unclosed-at-exit',
    kind: leakKindOf(best.kind),
    weight,
    count: best.count,
    statement:
      (best.by === 'nginx'
        ? `nginx's alerts at the worker's exit list ${fmt(best.count)} sockets its connections still held (\`open socket #N left in connection M\`): connections it never closed`
        : `valgrind's report at its exit lists ${fmt(best.count)} fds one call path made and never closed (${best.path}): ` +
          'code that makes fds and forgets them') +
      (weight === 1 ? ', seen a few times in one run; a leak only if the path runs again and again.' : '.'),
    evidence: best.evidence,
  };
  return [signal];
};

/**
 * A leak checker's words over the listing of the process it ran in (Go's `leaked 4 fds; want ~0;
 * have:` over its own lsof, Ruby's `Leaked file descriptor:` over the fd's row): the process says
 * it left those fds open — a pointer (1), as one path valgrind saw unclosed a few times.
 */
function checkerSignal(g: UnclosedAtExit): Signal {
  const kind = g.state === 'CLOSE_WAIT' ? 'socket-close-wait' : leakKindOf(g.kind);
  return {
    id: 'leak-checker-report',
    kind,
    weight: 1,
    count: g.count,
    // The count is of the fds the checker names, not of all the process holds of that kind.
    what: `${describeKind(kind)} that a leak checker reports left open`,
    statement:
      `a leak checker reports, over this process's own listing, that it left ${g.count === 1 ? 'an fd' : `${fmt(g.count)} fds`} open ` +
      'after the work that made them was done: a pointer; a leak only if it happens again and again.',
    evidence: g.evidence,
  };
}
