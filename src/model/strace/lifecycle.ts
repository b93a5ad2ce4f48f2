// Replays merged fd events against per-process fd tables. Threads share their process's table;
// a clone with CLONE_FILES shares it too; any other clone/fork gets a copy. What is still open
// at the end, created inside the window by a live process, is a leak of the window; fds first
// seen in a close were open before the capture and are not.
import type { SourcedEvent } from './merge.js';
import { MAX_EXPOSED_PER_FORK, MAX_FOLLOW } from '../../sources/strace/compact.js';
import type { FdEvent } from '../../sources/strace/types.js';

export interface OpenFd {
  fd: number;
  pid: number;
  creatorTid: number;
  create: SourcedEvent;
  cloexec: boolean;
  /** When FD_CLOEXEC was set later by fcntl/close_range. */
  cloexecSet?: SourcedEvent;
  /** Calls on this fd after its creation that say what happened to it (connect results), at most 3. */
  follow: SourcedEvent[];
  /** A copy made by fork: the parent created it, this process only holds it. */
  inherited: boolean;
}

export interface Proc {
  pid: number;
  parentPid: number | null;
  /**
   * Its fds. A forked child's copy of a big table is made only when it is needed (the child uses
   * an fd, or never execs): a process with tens of thousands of open fds that forks often would
   * otherwise copy them all at every fork. Read it through tableOf while replaying.
   */
  table: Map<number, OpenFd>;
  fork: SourcedEvent | null;
  execed: boolean;
  exited: SourcedEvent | null;
  /** fds this process closed that it had inherited (non-exec children). */
  closedInherited: number;
  /** How many fds the fork copied into it. */
  inheritedAtFork: number;
}

/** A fork that copied fds which were not close-on-exec and were created by another thread. */
export interface ForkExposure {
  fork: SourcedEvent;
  pid: number;
  child: number | null;
  fds: OpenFd[];
}

export interface LifecycleResult {
  procs: Proc[];
  procOfTid: Map<number, Proc>;
  leaked: OpenFd[];
  exposures: ForkExposure[];
  /** (pid, fd) pairs closed without a creation in the window. */
  preexisting: number;
  /** tid of the process the capture was attached to (the assumed pid of tids never seen being created). */
  rootPid: number | null;
}


/**
 * `tids`: every tid that made an fd event, also those whose events were folded away (the sink's
 * eventTids); without it, the tids of `events`.
 */
export function replayLifecycle(events: SourcedEvent[], opts: { rootPid?: number; tids?: Iterable<number> } = {}): LifecycleResult {
  const procOfTid = new Map<number, Proc>();
  const procs: Proc[] = [];
  const created = new Set<number>();
  for (const { ev } of events) if (ev.kind === 'fork' && ev.child !== undefined) created.add(ev.child);
  // Tasks never seen being created belong to the traced process; its pid is the smallest such tid
  // (the main thread's tid is the pid) unless the caller knows better.
  let rootPid: number | null = opts.rootPid ?? null;
  if (rootPid === null) {
    const tids = opts.tids ?? events.map(({ ev }) => ev.tid);
    for (const tid of tids) if (!created.has(tid) && (rootPid === null || tid < rootPid)) rootPid = tid;
  }
  const newProc = (pid: number, parentPid: number | null, table: Map<number, OpenFd>, fork: SourcedEvent | null): Proc => {
    const p: Proc = { pid, parentPid, table, fork, execed: false, exited: null, closedInherited: 0, inheritedAtFork: 0 };
    procs.push(p);
    return p;
  };
  /** Children whose table is still only their fork's `inherit` list; `execed`: drop the close-on-exec ones when made. */
  const lazy = new Map<Proc, { inherit: number[]; fork: SourcedEvent; execed: boolean }>();
  const tableOf = (p: Proc): Map<number, OpenFd> => {
    const l = lazy.get(p);
    if (l === undefined) return p.table;
    lazy.delete(p);
    for (const packed of l.inherit) {
      const cloexec = (packed & 1) === 1;
      if (l.execed && cloexec) continue;
      const fd = packed >>> 1;
      p.table.set(fd, { fd, pid: p.pid, creatorTid: l.fork.ev.tid, create: l.fork, cloexec, follow: [], inherited: true });
    }
    return p.table;
  };
  let root: Proc | null = null;
  const procOf = (tid: number): Proc => {
    let p = procOfTid.get(tid);
    if (!p) {
      root ??= newProc(rootPid ?? tid, null, new Map(), null);
      p = root;
      procOfTid.set(tid, p);
    }
    return p;
  };
  const preexisting = new Set<string>();
  const exposures: ForkExposure[] = [];
  const leaked: OpenFd[] = [];

  const closeFd = (p: Proc, fd: number) => {
    const table = tableOf(p);
    const e = table.get(fd);
    if (!e) {
      // A process forked in the window had no fds before it: what it closes unseen it inherited.
      if (p.fork && !p.fork.ev.shareFiles) p.closedInherited++;
      else preexisting.add(`${p.pid}:${fd}`);
      return;
    }
    if (e.inherited) p.closedInherited++;
    table.delete(fd);
  };

  for (const se of events) {
    const ev: FdEvent = se.ev;
    const p = procOf(ev.tid);
    switch (ev.kind) {
      case 'create':
        tableOf(p).set(ev.fd, { fd: ev.fd, pid: p.pid, creatorTid: ev.tid, create: se, cloexec: ev.cloexec === true, follow: [], inherited: false });
        break;
      case 'close':
        closeFd(p, ev.fd);
        break;
      case 'close-range':
        for (const fd of [...tableOf(p).keys()]) if (fd >= ev.fd && fd <= (ev.fd2 ?? ev.fd)) closeFd(p, fd);
        break;
      case 'cloexec': {
        const hi = ev.fd2 ?? ev.fd;
        for (const e of tableOf(p).values()) {
          if (e.fd < ev.fd || e.fd > hi) continue;
          e.cloexec = ev.cloexec === true;
          if (e.cloexec && !e.cloexecSet) e.cloexecSet = se;
        }
        break;
      }
      case 'connect': {
        const e = tableOf(p).get(ev.fd);
        if (e && e.follow.length < MAX_FOLLOW) e.follow.push(se);
        break;
      }
      case 'fork': {
        if (ev.child === undefined) break;
        if (ev.thread) {
          procOfTid.set(ev.child, p);
          break;
        }
        const table = tableOf(p);
        if (ev.shareFiles) {
          procOfTid.set(ev.child, newProc(ev.child, p.pid, table, se));
          break;
        }
        const exposed: OpenFd[] = [];
        const copy = new Map<number, OpenFd>();
        for (const e of table.values()) {
          if (!e.cloexec && e.creatorTid !== ev.tid && !e.inherited && exposed.length < MAX_EXPOSED_PER_FORK) exposed.push(e);
          if (!ev.inherit) copy.set(e.fd, { ...e, pid: ev.child, follow: [], inherited: true });
          else if (exposed.length >= MAX_EXPOSED_PER_FORK) break;
        }
        const child = newProc(ev.child, p.pid, copy, se);
        // The sink folded pairs that span this fork: its copy of the table says what the child got.
        if (ev.inherit) lazy.set(child, { inherit: ev.inherit, fork: se, execed: false });
        child.inheritedAtFork = ev.inherit ? ev.inherit.length : copy.size;
        procOfTid.set(ev.child, child);
        if (exposed.length > 0) exposures.push({ fork: se, pid: p.pid, child: ev.child, fds: exposed });
        break;
      }
      case 'exec': {
        p.execed = true;
        const l = lazy.get(p);
        if (l) l.execed = true;
        else for (const [fd, e] of p.table) if (e.cloexec) p.table.delete(fd);
        break;
      }
      case 'exit':
        if (ev.tid === p.pid || ev.detail.startsWith('killed')) p.exited = se;
        break;
    }
  }
  for (const p of procs) {
    // What findNonExecChildren lists; a lazy table holds only inherited fds, never a leak.
    if (!p.execed) tableOf(p);
    if (p.exited) continue;
    for (const e of p.table.values()) if (!e.inherited && e.pid === p.pid) leaked.push(e);
  }
  // A CLONE_FILES sibling shares the table object: report each entry once.
  const unique = [...new Set(leaked)];
  return { procs, procOfTid, leaked: unique, exposures, preexisting: preexisting.size, rootPid };
}

/** The leak signature: the creation and what followed, normalised (fd numbers left out). */
export function leakSignature(e: OpenFd): string {
  const parts = [e.create.ev.detail];
  for (const f of e.follow) if (parts[parts.length - 1] !== f.ev.detail) parts.push(f.ev.detail);
  parts.push('(no close)');
  return parts.join(' → ');
}
