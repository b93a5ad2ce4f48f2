// Children ps shows <defunct> under a process that holds pipes: it never waited for them, and the
// pipe each one wrote its output to is still open in the parent — popen(3) without pclose(3), a
// Go exec.Cmd started and never Waited, a subprocess never communicate()d. A child exits in an
// instant and a healthy parent reaps it as soon; three left unreaped beside as many pipes are
// not an instant's.
import { formatNumber as fmt } from '../../format.js';
import type { EvidenceRef } from '../../types.js';
import type { SignalSource } from '../signal.js';
import { countedOfKind } from '../row-counts.js';

/** Unreaped children from which they point at the parent's pipes. */
const FEW_UNREAPED = 3;

export const unreapedChildrenSignals: SignalSource = ({ facts }) => {
  const zombies = facts.children.filter((c) => c.zombie === true);
  // Its pipes by a listing's kinds, or counted by a grep for the kind's word (`ls -l /proc/PID/fd |
  // grep -c pipe`: every pipe link says `pipe:[N]`), whichever says more.
  const pipes = Math.max(facts.kinds.pipe ?? 0, countedOfKind(facts.process, 'pipe')?.value ?? 0);
  // Unreaped children alone are a missing wait(), not fds: they speak of fds only beside at least
  // as many pipes of the parent's, one per child at least.
  if (zombies.length < FEW_UNREAPED || pipes < zombies.length) return [];
  const evidence: EvidenceRef[] = zombies.flatMap((z) => z.identity.slice(0, 1)).slice(0, 3);
  return [
    {
      id: 'unreaped-children',
      kind: 'pipe',
      weight: 1,
      count: zombies.length,
      statement:
        `ps shows ${fmt(zombies.length)} children of pid ${facts.process.pid} <defunct>, exited and never waited for, beside the ` +
        `${fmt(pipes)} pipes it holds: each child's output pipe kept open and the child never reaped (a popen without its pclose).`,
      evidence,
    },
  ];
};
