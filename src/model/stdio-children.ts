// A process started with its stdin, stdout and stderr on pipes (Java's Runtime.exec and
// ProcessBuilder, Python's subprocess.Popen with PIPE) holds at fds 0, 1 and 2 the pipes whose
// other ends its parent keeps at fds 3 and above: lsof shows the same inode (NODE) on both sides,
// `ls -l /proc/PID/fd` the same `pipe:[N]`. Such a child is the parent's doing, not a process of
// its own to blame for what the parent logs.
import type { ProcessModel } from './host.js';

const PIPE_LINK = /^pipe:\[(\d{1,15})\]$/;

/** A process's pipes as its listings show them: fd → inode. */
function pipesOf(p: ProcessModel): Map<number, number> {
  const out = new Map<number, number>();
  for (const v of p.fdViews) {
    for (const x of v.holder.pipes ?? []) out.set(x.fd, x.inode);
    const list = v.holder.entries;
    for (const i of list.ofKind('pipe')) {
      const m = PIPE_LINK.exec(list.name(i));
      const fd = Number(list.fd(i));
      if (m && Number.isInteger(fd)) out.set(fd, Number(m[1]));
    }
  }
  return out;
}

/** The processes another one of these started with pipes on their fds 0, 1 and 2: child pid → parent pid. */
export function stdioChildren(processes: readonly ProcessModel[]): Map<number, number> {
  const pipes = processes.map((p) => ({ pid: p.pid, fds: pipesOf(p) }));
  const heldAbove2 = new Map<number, Set<number>>();
  for (const { pid, fds } of pipes) {
    for (const [fd, inode] of fds) {
      if (fd < 3) continue;
      const set = heldAbove2.get(inode) ?? new Set<number>();
      heldAbove2.set(inode, set.add(pid));
    }
  }
  const out = new Map<number, number>();
  for (const { pid, fds } of pipes) {
    const ends = [0, 1, 2].map((fd) => heldAbove2.get(fds.get(fd) ?? -1));
    if (ends.some((e) => e === undefined)) continue;
    const parents = [...ends[0]!].filter((q) => q !== pid && ends[1]!.has(q) && ends[2]!.has(q));
    if (parents.length === 1) out.set(pid, parents[0]);
  }
  return out;
}
