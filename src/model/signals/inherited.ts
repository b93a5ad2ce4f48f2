// Children that keep fds their parent opened: a fork copies every fd, and execve closes only those
// marked close-on-exec. The children's own fd listings show it (`ls -l /proc/CHILD/fd`): a helper
// such as `sleep 30` holding the parent's log file or a socket at fd 3 and above inherited them.
import { formatNumber as fmt } from '../../format.js';
import type { EvidenceRef } from '../../types.js';
import type { FdEntry } from '../../sources/artifacts.js';
import type { ProcessModel } from '../host.js';
import type { SignalSource } from '../signal.js';

/** This many children of the process in ps, with the fds seen held by at least two listed: decisive. */
const MANY_CHILDREN = 10;

export const inheritedSignals: SignalSource = ({ facts }) => {
  const parent = facts.process;
  const children = facts.children;
  if (children.length === 0) return [];
  const parentNames = new Set(parent.fdViews.flatMap((v) => [...v.holder.entries].map((e) => e.name)));
  const holding: { child: ProcessModel; fds: FdEntry[] }[] = [];
  for (const child of children) {
    const fds = child.fdViews.flatMap((v) => [...v.holder.entries]).filter((e) => inherited(e, child, parent, parentNames));
    if (fds.length > 0) holding.push({ child, fds });
  }
  if (holding.length === 0) return [];
  const kept = holding.reduce((n, h) => n + h.fds.length, 0);
  const names = [...new Set(holding.flatMap((h) => h.fds.map((e) => e.name.replace(/\[\d+\]$/, '[…]'))))].slice(0, 3);
  const evidence: EvidenceRef[] = holding.slice(0, 3).flatMap((h) => h.fds.slice(0, 2).map((e) => e.ev));
  const command = holding[0].child.command;
  return [
    {
      id: 'inherited-fds-held',
      kind: 'inherited',
      weight: holding.length >= 2 && children.length >= MANY_CHILDREN ? 3 : 2,
      count: kept,
      statement:
        `${fmt(holding.length)} of its child processes${command ? ` (${command})` : ''} whose fds are listed hold ${fmt(kept)} fds it opened ` +
        `(${names.join(', ')}): they kept them across fork and execve; ps shows ${fmt(children.length)} children of it.`,
      evidence,
    },
  ];
};

/** An fd of the child at 3 or above that the parent opened: a path the parent has open, or a socket or pipe a helper it execed would not make. */
function inherited(e: FdEntry, child: ProcessModel, parent: ProcessModel, parentNames: Set<string>): boolean {
  const fd = Number(e.fd);
  if (!Number.isInteger(fd) || fd < 3 || e.name === '/dev/null') return false;
  if (parentNames.has(e.name)) return true;
  const execedOther = child.command !== null && parent.command !== null && child.command !== parent.command;
  return execedOther && (e.kind.startsWith('socket') || e.kind === 'pipe');
}
