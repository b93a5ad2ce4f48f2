// The fork / close-on-exec race (write-up step 8): in a multi-threaded process, a fork by one
// thread copies every fd of the process, including those another thread has just created
// without O_CLOEXEC/SOCK_CLOEXEC and not yet marked with fcntl(fd, F_SETFD, FD_CLOEXEC). The
// child keeps them across execve unless it closes them itself first, as the JDK's spawn helper and
// daemons that call close_range after fork do: each copy carries what the child did with it.
// Children that never execve keep every fd they inherited.
import type { EvidenceRef } from '../../types.js';
import { ref } from '../../types.js';
import type { SourcedEvent } from './merge.js';
import { MAX_RACES } from '../../sources/strace/compact.js';
import type { LifecycleResult } from './lifecycle.js';
import type { CloexecRace, NonExecChild } from './types.js';

export function evidenceOf(se: SourcedEvent): EvidenceRef {
  return ref(se.file, se.ev.line, se.ev.text);
}

function gap(a: SourcedEvent, b: SourcedEvent): number | null {
  if (a.ev.time === null || b.ev.time === null) return null;
  return Math.round((b.ev.time - a.ev.time) * 1e6) / 1e6;
}

/** `traced`: whether a tid has lines in the capture. */
export function findCloexecRaces(
  life: LifecycleResult,
  fmt: (t: number | null) => string | null,
  traced: (tid: number) => boolean,
): CloexecRace[] {
  // Races (FD_CLOEXEC set too late) come first, then fds never marked, MAX_RACES in all: a busy
  // forking process exposes tens of thousands, so only the items shown are built.
  const races: CloexecRace[] = [];
  for (const wanted of ['race', 'never-set'] as const) {
    for (const x of life.exposures) {
      for (const [k, e] of x.fds.entries()) {
        if (races.length >= MAX_RACES) return races;
        if ((e.cloexecSet ? 'race' : 'never-set') !== wanted) continue;
        const fate = x.fates[k];
        const evidence = [evidenceOf(e.create), evidenceOf(x.fork)];
        if (e.cloexecSet) evidence.push(evidenceOf(e.cloexecSet));
        if (fate.by) evidence.push(evidenceOf(fate.by));
        races.push({
          kind: wanted,
          fd: e.fd,
          pid: x.pid,
          creatorTid: e.creatorTid,
          forkTid: x.fork.ev.tid,
          child: x.child,
          time: fmt(x.fork.ev.time),
          gap: gap(e.create, x.fork),
          setAfter: e.cloexecSet ? gap(x.fork, e.cloexecSet) : null,
          detail: e.create.ev.detail,
          path: e.create.ev.path || null,
          outcome: fate.outcome,
          childTraced: x.child !== null && traced(x.child),
          closedBeforeExec: fate.closedBeforeExec,
          evidence,
        });
      }
    }
  }
  return races;
}

/** `traced`: whether a tid has lines in the capture (a child strace did not follow is not shown never execing). */
export function findNonExecChildren(life: LifecycleResult, traced: (tid: number) => boolean): NonExecChild[] {
  const out: NonExecChild[] = [];
  for (const p of life.procs) {
    if (!p.fork || p.execed || p.fork.ev.shareFiles || !traced(p.pid)) continue;
    const still = [...p.table.values()]
      .filter((e) => e.inherited)
      .map((e) => e.fd)
      .sort((a, b) => a - b);
    const evidence = [evidenceOf(p.fork)];
    if (p.exited) evidence.push(evidenceOf(p.exited));
    out.push({
      child: p.pid,
      parentPid: p.parentPid ?? p.pid,
      forkTid: p.fork.ev.tid,
      inherited: p.inheritedAtFork,
      fds: still,
      exited: p.exited !== null,
      evidence,
    });
  }
  return out;
}

/** Why the capture does not show what the children did with `unknown` copies, and what would. */
export function undecided(unknown: CloexecRace[]): string {
  const traced = unknown.filter((r) => r.childTraced).length;
  const why =
    traced === 0
      ? 'the capture holds no line of these children (strace without -f does not follow them)'
      : traced === unknown.length
        ? "the capture ended before their execve, or too soon after it (or in the JDK's spawn helper) to show whether the program closes what it inherited"
        : 'the capture holds no line of some, and ended before or soon after the execve of the others';
  return `${why}; strace -f following the children past their execve, or \`ls -l /proc/CHILD/fd\` of a few children (e.g. /proc/${unknown[0]?.child}/fd), would decide`;
}
