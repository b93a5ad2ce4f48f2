// Replays merged fd events against per-process fd tables. Threads share their process's table;
// a clone with CLONE_FILES shares it too; any other clone/fork gets a copy. What is still open
// at the end, created inside the window by a live process, is a leak of the window; fds first
// seen in a close were open before the capture and are not. A fork that copies fds another thread
// made without close-on-exec is followed into the child: what the child does with each copy is
// the exposure's fate (kept across execve, closed, closed by execve, or not shown).
import type { SourcedEvent } from './merge.js';
import { MAX_EXPOSED_PER_FORK, MAX_FOLLOW } from '../../sources/strace/compact.js';
import type { FdEvent } from '../../sources/strace/types.js';
import type { InheritOutcome } from './types.js';

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

interface Proc {
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
  /** The exposure its fork made: the copies whose fate it decides. */
  exposure: ForkExposure | null;
  /** Copies of that exposure still undecided: fd → its index in the exposure, and whether it is close-on-exec here. */
  watch: Map<number, { i: number; cloexec: boolean }> | null;
  /** Indexes of the copies it closed since its last execve (closedBeforeExec once another follows). */
  closedSinceExec: number[] | null;
  lastExec: SourcedEvent | null;
}

/** What the child did with one copy (see InheritOutcome). */
interface Fate {
  outcome: InheritOutcome;
  /** The child's line that decides it: the close, the execve (kept, exec-closed), the exit (no-exec). */
  by: SourcedEvent | null;
  closedBeforeExec: boolean;
}
/** A copy not settled yet (settle replaces it). */
const UNSETTLED: Fate = Object.freeze({ outcome: 'unknown', by: null, closedBeforeExec: false });

/** A fork that copied fds which were not close-on-exec and were created by another thread. */
interface ForkExposure {
  fork: SourcedEvent;
  pid: number;
  child: number | null;
  fds: OpenFd[];
  /** Per fd of `fds`. */
  fates: Fate[];
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
 * A child still alive when the capture ends keeps its copies only if it ran this long after its
 * execve: a program that closes what it inherited does so as it starts, within milliseconds; a
 * capture that stops sooner shows nothing.
 */
export const SETTLE_SECONDS = 0.1;
/**
 * Programs a child execs only to set up and exec the real command, closing every fd it inherited
 * on the way (the JDK's jspawnhelper: thousands of closes on a busy JVM). A child still in one when
 * the capture ends has not reached its program.
 */
const SPAWN_HELPER = /\/jspawnhelper"\)$/;

/**
 * `tids`: every tid that made an fd event, also those whose events were folded away (the sink's
 * eventTids); without it, the tids of `events`. `end`: the time the capture ends (null: no times).
 */
export function replayLifecycle(
  events: SourcedEvent[],
  opts: { rootPid?: number; tids?: Iterable<number>; end?: number | null } = {},
): LifecycleResult {
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
    const p: Proc = {
      pid,
      parentPid,
      table,
      fork,
      execed: false,
      exited: null,
      closedInherited: 0,
      inheritedAtFork: 0,
      exposure: null,
      watch: null,
      closedSinceExec: null,
      lastExec: null,
    };
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
  /** Tables a CLONE_FILES task shares (execve gives the execing one a table of its own). */
  const shared = new Set<Map<number, OpenFd>>();
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

  /** The child is done with copy `fd`: `outcome`, shown by `by`. */
  const settle = (p: Proc, fd: number, outcome: InheritOutcome, by: SourcedEvent | null) => {
    const w = p.watch?.get(fd);
    if (w === undefined) return;
    p.watch!.delete(fd);
    p.exposure!.fates[w.i] = { outcome, by, closedBeforeExec: false };
    if (outcome === 'closed') (p.closedSinceExec ??= []).push(w.i);
  };
  /** Copies still held when the process exits (`exit`), or when the capture ends (null). */
  const settleAll = (p: Proc, exit: SourcedEvent | null) => {
    if (p.watch === null) return;
    const last = p.lastExec?.ev;
    const ran = last?.time != null && opts.end != null && !SPAWN_HELPER.test(last.detail) ? opts.end - last.time : null;
    const kept = p.execed && (exit !== null || (ran !== null && ran >= SETTLE_SECONDS));
    for (const fd of p.watch.keys()) {
      if (kept) settle(p, fd, 'kept', p.lastExec);
      else settle(p, fd, p.execed || exit === null ? 'unknown' : 'no-exec', exit);
    }
    p.watch = null;
  };
  const exec = (p: Proc, se: SourcedEvent) => {
    for (const i of p.closedSinceExec ?? []) p.exposure!.fates[i].closedBeforeExec = true;
    p.closedSinceExec = null;
    for (const [fd, w] of p.watch ?? []) if (w.cloexec) settle(p, fd, 'exec-closed', se);
    p.execed = true;
    p.lastExec = se;
  };

  for (const se of events) {
    const ev: FdEvent = se.ev;
    const p = procOf(ev.tid);
    switch (ev.kind) {
      case 'create':
        // The number is free again though no close of the copy was seen: before an execve, a call the
        // table does not read closed it; after one, the copy was close-on-exec in the child (an
        // FD_CLOEXEC in the parent that won the race by a hair).
        settle(p, ev.fd, p.execed ? 'exec-closed' : 'closed', se);
        tableOf(p).set(ev.fd, {
          fd: ev.fd,
          pid: p.pid,
          creatorTid: ev.tid,
          create: se,
          cloexec: ev.cloexec === true,
          follow: [],
          inherited: false,
        });
        break;
      case 'close':
        settle(p, ev.fd, 'closed', se);
        closeFd(p, ev.fd);
        break;
      case 'close-range':
        for (const fd of [...(p.watch?.keys() ?? [])]) if (fd >= ev.fd && fd <= (ev.fd2 ?? ev.fd)) settle(p, fd, 'closed', se);
        for (const fd of [...tableOf(p).keys()]) if (fd >= ev.fd && fd <= (ev.fd2 ?? ev.fd)) closeFd(p, fd);
        break;
      case 'cloexec': {
        const hi = ev.fd2 ?? ev.fd;
        for (const [fd, w] of p.watch ?? []) if (fd >= ev.fd && fd <= hi) w.cloexec = ev.cloexec === true;
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
          shared.add(table);
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
        if (exposed.length > 0) {
          const x: ForkExposure = { fork: se, pid: p.pid, child: ev.child, fds: exposed, fates: exposed.map(() => UNSETTLED) };
          exposures.push(x);
          child.exposure = x;
          child.watch = new Map(exposed.map((e, i) => [e.fd, { i, cloexec: false }]));
        }
        break;
      }
      case 'exec': {
        exec(p, se);
        const l = lazy.get(p);
        // A forked child's inherited fds are not followed past its execve but for the copies in its
        // watch (as the sink keeps them).
        const forgets = p.fork !== null && !p.fork.ev.shareFiles && !shared.has(p.table);
        if (l) l.execed = true;
        else for (const [fd, e] of p.table) if (e.cloexec || (forgets && e.inherited)) p.table.delete(fd);
        break;
      }
      case 'exit':
        if (ev.tid === p.pid || ev.detail.startsWith('killed')) {
          p.exited = se;
          settleAll(p, se);
        }
        break;
    }
  }
  for (const p of procs) {
    settleAll(p, null);
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
