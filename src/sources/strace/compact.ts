// Keeps the sink's event list small: it replays the events in file order against per-process fd
// tables by replayLifecycle's rules, and drops every event the replay could not tell from its absence:
// - a create→close pair (with its connect/cloexec events), even across forks: the fork event
//   carries the child's copy of the table (`inherit`), so the child does not need the parent's events;
// - a create whose fd is created again before any close (the replay forgets it there too);
// - fds marked close-on-exec that an exec closed;
// - connect results past the three a leak signature shows, calls on fds with no entry, and repeated
//   closes of the same fd open before the window (only the first one counts).
// fds a fork exposed (not close-on-exec, made by another thread) are kept for the cloexec-race
// findings until more of them exist than the findings list can show, and followed into the child:
// its closes of them (before and after its execve), its FD_CLOEXEC sets, execve and exit stay, so
// the analysis can tell a copy the child kept from one it closed. Of the rest it inherited, an
// execed child keeps nothing: its fork's list is let go, and the closes it made of the others
// before its execve are dropped there (a JVM's vfork child closes every fd it got).
// A fork is replayed only once its child is known (the clone resumed): until then events queue.
// Past MAX_TRACKED_FDS open fds in one table, new ones are counted per (thread, call) instead of
// kept (StraceArtifact.untracked), and past MAX_UNKNOWN_CLOSES the closes of fds never seen open
// are counted only: a capture of millions of fds never closed stays in bounded memory.
import type { FdEvent, UntrackedFds } from './types.js';

/** Open fds one process's table keeps as events. */
export const MAX_TRACKED_FDS = 100_000;
/** fds past MAX_TRACKED_FDS whose close is still recognised (their number kept, not their events). */
const MAX_UNTRACKED_FDS = 1_000_000;
/** fds never seen open whose first close is kept, per process. */
export const MAX_UNKNOWN_CLOSES = 100_000;
/** (thread, call) groups of untracked fds; past it a thread's others share one. */
const MAX_UNTRACKED_GROUPS = 10_000;

/** fds a fork may expose (not close-on-exec, made by another thread) that the analysis lists per fork. */
export const MAX_EXPOSED_PER_FORK = 200;
/** Calls on an fd after its creation a leak signature shows (connect results). */
export const MAX_FOLLOW = 3;
/** Races the analysis builds at most: the findings list no more. */
export const MAX_RACES = 300;

interface Entry {
  fd: number;
  creatorTid: number;
  cloexec: boolean;
  inherited: boolean;
  /** Indexes of the events this entry's fate decides: its create, connects, cloexec sets. */
  idx: number[];
  follows: number;
  /** FD_CLOEXEC was set while it was open (a race, if a fork exposed it). */
  setLater: boolean;
  /** Exposed by forks: the first and last fork's serial and how many forks. */
  firstPin: number;
  lastPin: number;
  pins: number;
  /** Never dropped: exposed by a fork that had more exposed fds than the lifecycle lists, or
   * created over an fd that was kept (without this create, the old one would stay open). */
  pinnedForGood: boolean;
}

interface Table {
  entries: Map<number, Entry>;
  /** fds past MAX_TRACKED_FDS, by their count. */
  untracked: Map<number, UntrackedFds>;
}

interface Proc {
  /** A forked process: its own pid (the tid whose exit ends it); -1 otherwise. */
  pid: number;
  table: Table | null;
  /** The fork event whose `inherit` builds the table the first time it is needed. */
  from: FdEvent | null;
  /** fds closed that were not in the table: the first close of each is kept (it counts once). */
  closedUnknown: Set<number> | null;
  /**
   * A process forked in the window (not a CLONE_FILES task) that has execed since: what it closes
   * of what it inherited changes nothing the analysis reports, so those closes are dropped.
   */
  forkedAndExeced: boolean;
  forked: boolean;
  /** A CLONE_FILES task shares this table. */
  shared: boolean;
  /**
   * fds its fork exposed that it may still hold (the analysis decides what became of each). After
   * its execve they are followed here alone, with whether each is close-on-exec in it; before, its
   * table's copies say that.
   */
  watch: Map<number, boolean> | null;
  /** Before its execve: its kept closes of inherited fds it does not watch (dropped if it execs). */
  inheritedCloses: number[] | null;
}

/**
 * `fold: false` (a file of one thread, `-ff`: another file may fork or close in between): no event
 * is dropped and every fd is tracked (its closes may be in another file).
 */
export function createCompactor(
  events: (FdEvent | null)[],
  drop: (i: number) => void,
  folded: (creatorTid: number) => void,
  opts: { fold?: boolean } = {},
) {
  const fold = opts.fold !== false;
  const procOfTid = new Map<number, Proc>();
  const newTable = (): Table => ({ entries: new Map(), untracked: new Map() });
  const newProc = (pid: number, table: Table | null, from: FdEvent | null, forked: boolean): Proc => ({
    pid,
    table,
    from,
    closedUnknown: null,
    forked,
    forkedAndExeced: false,
    shared: false,
    watch: null,
    inheritedCloses: null,
  });
  const root = newProc(-1, newTable(), null, false);
  const waiting = new Set<FdEvent>();
  let cursor = 0;
  let forkSerial = 0;
  const final = { race: { n: 0, maxPin: -1 }, never: { n: 0, maxPin: -1 } };
  const groups = new Map<string, UntrackedFds>();
  let unknownCloses = 0;

  const procOf = (tid: number): Proc => procOfTid.get(tid) ?? root;
  const copyOf = (fd: number, cloexec: boolean): Entry => ({
    fd,
    creatorTid: -1,
    cloexec,
    inherited: true,
    idx: [],
    follows: 0,
    setLater: false,
    firstPin: -1,
    lastPin: -1,
    pins: 0,
    pinnedForGood: false,
  });
  const tableOf = (p: Proc): Table => {
    if (p.table) return p.table;
    const t = newTable();
    // After its execve a forked child's table holds only fds of its own.
    if (!p.forkedAndExeced)
      for (const packed of p.from?.inherit ?? []) t.entries.set(packed >>> 1, copyOf(packed >>> 1, (packed & 1) === 1));
    p.table = t;
    return t;
  };

  const dropAll = (e: Entry) => {
    for (const i of e.idx) drop(i);
    e.idx = [];
  };

  /** An exposed fd closed: dropped when the race findings already have enough before it. */
  const finalise = (e: Entry): boolean => {
    if (e.pinnedForGood) return false;
    const kind = e.setLater ? final.race : final.never;
    if (kind.n < MAX_RACES) {
      kind.n += e.pins;
      kind.maxPin = Math.max(kind.maxPin, e.lastPin);
      return false;
    }
    return hidden(e);
  };
  /** Enough exposures of its kind are final before it (races are listed before the never-set ones). */
  const hidden = (e: Entry): boolean => {
    const kind = e.setLater ? final.race : final.never;
    return kind.n >= MAX_RACES && (e.firstPin > kind.maxPin || (!e.setLater && final.race.n >= MAX_RACES));
  };

  /** An fd past the cap: counted in its (thread, call) group, its number kept while there is room. */
  const untrack = (table: Table, ev: FdEvent, i: number) => {
    drop(i);
    let key = `${ev.tid}\u0000${ev.detail}\u0000${ev.cloexec === true}`;
    let g = groups.get(key);
    if (g === undefined && groups.size >= MAX_UNTRACKED_GROUPS) g = groups.get((key = `${ev.tid}\u0000`));
    if (g === undefined) {
      const detail = key.endsWith('\u0000') ? 'other calls' : ev.detail;
      g = {
        tid: ev.tid,
        detail,
        cloexec: ev.cloexec === true,
        created: 0,
        ended: 0,
        first: { line: ev.line, time: ev.time },
        last: { line: ev.line, time: ev.time },
      };
      groups.set(key, g);
    }
    g.created++;
    g.last = { line: ev.line, time: ev.time };
    if (table.untracked.size < MAX_UNTRACKED_FDS) table.untracked.set(ev.fd, g);
  };
  /** An untracked fd is closed (or created again): it no longer counts as open. */
  const endUntracked = (table: Table, fd: number): boolean => {
    const g = table.untracked.get(fd);
    if (g === undefined) return false;
    g.ended++;
    table.untracked.delete(fd);
    return true;
  };

  const closeUnknown = (p: Proc, fd: number, i: number) => {
    if (!fold) return;
    p.closedUnknown ??= new Set();
    if (p.closedUnknown.has(fd)) drop(i);
    else if (p.closedUnknown.size < MAX_UNKNOWN_CLOSES) p.closedUnknown.add(fd);
    else {
      drop(i);
      unknownCloses++;
    }
  };

  const close = (p: Proc, fd: number, i: number) => {
    const watched = p.watch?.delete(fd) === true;
    if (watched && p.forkedAndExeced) {
      p.table?.entries.delete(fd);
      return;
    }
    if (fold && p.forkedAndExeced && p.table === null) {
      drop(i);
      return;
    }
    const table = tableOf(p);
    const e = table.entries.get(fd);
    if (fold && p.forkedAndExeced && (!e || e.inherited)) {
      table.entries.delete(fd);
      drop(i);
      return;
    }
    if (!e) {
      // A forked child's fd it never saw made was open in the parent before the capture: no count reads it.
      if (endUntracked(table, fd) || (fold && p.forked)) drop(i);
      else closeUnknown(p, fd, i);
      return;
    }
    table.entries.delete(fd);
    if (fold && e.inherited && !watched && p.forked && !p.forkedAndExeced) (p.inheritedCloses ??= []).push(i);
    if (!fold || e.inherited || e.pinnedForGood) return;
    if (e.pins > 0 && !finalise(e)) return;
    dropAll(e);
    drop(i);
    folded(e.creatorTid);
  };

  const fork = (p: Proc, ev: FdEvent) => {
    if (ev.child === undefined) return;
    if (ev.thread) {
      procOfTid.set(ev.child, p);
      return;
    }
    if (ev.shareFiles) {
      const sibling = newProc(-1, tableOf(p), null, false);
      sibling.shared = p.shared = true;
      procOfTid.set(ev.child, sibling);
      return;
    }
    if (!fold) return;
    const serial = forkSerial++;
    const inherit: number[] = [];
    const exposed: Entry[] = [];
    let capped = false;
    for (const e of tableOf(p).entries.values()) {
      inherit.push(e.fd * 2 + (e.cloexec ? 1 : 0));
      if (e.cloexec || e.creatorTid === ev.tid || e.inherited) continue;
      if (exposed.length < MAX_EXPOSED_PER_FORK) exposed.push(e);
      else capped = true;
    }
    for (const e of exposed) {
      if (e.pins++ === 0) e.firstPin = serial;
      e.lastPin = serial;
      if (capped) e.pinnedForGood = true;
    }
    ev.inherit = inherit;
    const child = newProc(ev.child, null, ev, true);
    if (exposed.length > 0) child.watch = new Map(exposed.map((e) => [e.fd, false]));
    procOfTid.set(ev.child, child);
  };

  const create = (p: Proc, i: number, ev: FdEvent) => {
    // Over a copy the child was exposed to: the create shows the copy was gone.
    const overCopy = p.watch?.delete(ev.fd) === true;
    const table = tableOf(p);
    const over = table.entries.get(ev.fd);
    endUntracked(table, ev.fd);
    if (fold && over === undefined && table.entries.size >= MAX_TRACKED_FDS) {
      untrack(table, ev, i);
      return;
    }
    // An fd created again without a close: the replay forgets the old create, so it goes unless a
    // finding still reads it; then the new create stays too (folded away, it would leave the old
    // one open). So does one over an inherited fd.
    const keepOver = over !== undefined && (!fold || over.inherited || over.pins > 0 || over.pinnedForGood);
    if (over !== undefined && !keepOver) dropAll(over);
    table.entries.set(ev.fd, {
      fd: ev.fd,
      creatorTid: ev.tid,
      cloexec: ev.cloexec === true,
      inherited: false,
      idx: [i],
      follows: 0,
      setLater: false,
      firstPin: -1,
      lastPin: -1,
      pins: 0,
      pinnedForGood: keepOver || overCopy,
    });
  };

  const exec = (p: Proc) => {
    // Copies followed since an earlier execve that are close-on-exec now go at this one.
    if (p.forkedAndExeced) for (const [fd, cloexec] of p.watch ?? []) if (cloexec) p.watch!.delete(fd);
    if (p.forked) p.forkedAndExeced = true;
    // execve gives a CLONE_FILES sharer a table of its own; this one stays the sibling's.
    const forgets = fold && p.forked && !p.shared;
    if (forgets && p.from) {
      // Of what it inherited, only the copies in its watch are followed past execve (see FdEvent.childExeced).
      p.from.inherit = [];
      p.from.childExeced = true;
    }
    if (p.table === null) return;
    const table = p.table;
    for (const [fd, e] of table.entries) {
      if (e.cloexec) {
        table.entries.delete(fd);
        p.watch?.delete(fd);
        if (fold && !e.inherited && e.pins === 0 && !e.pinnedForGood) dropAll(e);
      } else if (forgets && e.inherited) table.entries.delete(fd);
    }
    for (const [fd, g] of table.untracked) if (g.cloexec) endUntracked(table, fd);
    if (!forgets) return;
    for (const i of p.inheritedCloses ?? []) drop(i);
    p.inheritedCloses = null;
  };

  /** FD_CLOEXEC set or cleared on copies an execed child follows: whether its next execve closes them. */
  const markCopies = (p: Proc, ev: FdEvent): boolean => {
    if (!p.forkedAndExeced || p.watch === null) return false;
    const hi = ev.fd2 ?? ev.fd;
    let hit = false;
    for (const fd of p.watch.keys()) {
      if (fd < ev.fd || fd > hi) continue;
      p.watch.set(fd, ev.cloexec === true);
      hit = true;
    }
    return hit;
  };

  /** A forked process exited: nothing it held is read again. */
  const exit = (p: Proc) => {
    p.watch = null;
    p.inheritedCloses = null;
    if (!p.shared) p.table = newTable();
  };

  const replay = (i: number, ev: FdEvent) => {
    const p = procOf(ev.tid);
    switch (ev.kind) {
      case 'create':
        create(p, i, ev);
        break;
      case 'close':
        close(p, ev.fd, i);
        break;
      case 'close-range': {
        const table = tableOf(p);
        const hi = ev.fd2 ?? ev.fd;
        for (const fd of [...(p.watch?.keys() ?? [])]) if (fd >= ev.fd && fd <= hi) p.watch!.delete(fd);
        for (const fd of [...table.entries.keys()]) if (fd >= ev.fd && fd <= hi) table.entries.delete(fd);
        for (const fd of [...table.untracked.keys()]) if (fd >= ev.fd && fd <= hi) endUntracked(table, fd);
        break;
      }
      case 'cloexec': {
        let hit: Entry | null = null;
        for (const e of rangeOf(tableOf(p).entries, ev.fd, ev.fd2 ?? ev.fd)) {
          e.cloexec = ev.cloexec === true;
          if (e.cloexec) e.setLater = true;
          hit = e;
        }
        const copies = markCopies(p, ev);
        if (hit === null) {
          if (fold && !copies) drop(i);
        } else if (ev.fd2 === undefined) hit.idx.push(i);
        break;
      }
      case 'connect': {
        const e = tableOf(p).entries.get(ev.fd);
        if (!e) {
          if (fold || tableOf(p).untracked.has(ev.fd)) drop(i);
        } else if (e.follows >= MAX_FOLLOW) {
          if (fold) drop(i);
        } else {
          e.follows++;
          e.idx.push(i);
        }
        break;
      }
      case 'fork':
        fork(p, ev);
        break;
      case 'exec':
        exec(p);
        break;
      case 'exit':
        if (p.forked && (ev.tid === p.pid || ev.detail.startsWith('killed'))) exit(p);
        break;
    }
  };

  /** absorbClose would take the close: it changes nothing the replay of the kept events shows. */
  const canAbsorbClose = (p: Proc, table: Table, fd: number): boolean => {
    if (cursor !== events.length || p.watch?.has(fd) === true) return false;
    const e = table.entries.get(fd);
    if (e === undefined) return table.untracked.has(fd) || (fold && (p.forked || p.closedUnknown?.has(fd) === true));
    if (!fold) return false;
    if (p.forkedAndExeced && e.inherited) return true;
    // An exposed fd still counted for the findings takes the queued path (finalise counts it there).
    return !e.inherited && !e.pinnedForGood && (e.pins === 0 || hidden(e));
  };

  /** Replays queued events as far as the first fork whose child is not known yet. */
  const advance = () => {
    while (cursor < events.length) {
      const ev = events[cursor];
      if (ev !== null) {
        if (ev.kind === 'fork' && waiting.has(ev)) return;
        replay(cursor, ev);
      }
      cursor++;
    }
  };

  return {
    advance,
    /** A fork's clone returned (or failed): events queued behind it can be replayed. */
    resolved(ev: FdEvent) {
      if (waiting.delete(ev)) advance();
    },
    /** The fork was pushed and its child is not known yet. */
    unresolved(ev: FdEvent) {
      waiting.add(ev);
    },
    /**
     * `tid` writes to `fd` for the first time: if a file, its create is kept, as the evidence of
     * what the thread writes to (fd-log). Queued behind a fork whose child is not known yet, the
     * create may not be in the table: then nothing is kept.
     */
    keepOpen(tid: number, fd: number) {
      const e = tableOf(procOf(tid)).entries.get(fd);
      if (e && !e.inherited && /^(open|creat)/.test(events[e.idx[0]]?.detail ?? '')) e.pinnedForGood = true;
    },
    /**
     * When nothing is queued, takes a close that needs no event: it folds a healthy create, ends an
     * untracked fd, or its fd was already closed unopened before (only the first such close counts).
     */
    absorbClose(tid: number, fd: number): boolean {
      const p = procOf(tid);
      const table = tableOf(p);
      if (!canAbsorbClose(p, table, fd)) return false;
      const e = table.entries.get(fd);
      if (e === undefined) {
        endUntracked(table, fd);
        return true;
      }
      table.entries.delete(fd);
      if (e.inherited) return true;
      dropAll(e);
      folded(e.creatorTid);
      return true;
    },
    /** Every fork is replayed as it stands (children never known stay unknown). */
    finish() {
      waiting.clear();
      advance();
    },
    /** Removes dropped events from the list (indexes held by open fds are renumbered). */
    compact() {
      const moved = new Int32Array(events.length);
      let w = 0;
      let newCursor = 0;
      for (let r = 0; r < events.length; r++) {
        if (r === cursor) newCursor = w;
        const ev = events[r];
        if (ev === null) continue;
        moved[r] = w;
        events[w++] = ev;
      }
      if (cursor >= events.length) newCursor = w;
      events.length = w;
      cursor = newCursor;
      const seen = new Set<Table>();
      for (const p of new Set([root, ...procOfTid.values()])) {
        const closes = p.inheritedCloses ?? [];
        for (let k = 0; k < closes.length; k++) closes[k] = moved[closes[k]];
        if (!p.table || seen.has(p.table)) continue;
        seen.add(p.table);
        for (const e of p.table.entries.values()) for (let k = 0; k < e.idx.length; k++) e.idx[k] = moved[e.idx[k]];
      }
    },
    /** The counts of fds past MAX_TRACKED_FDS, and of closes of unknown fds past MAX_UNKNOWN_CLOSES. */
    untracked: () => ({ fds: [...groups.values()], unknownCloses }),
  };
}

function* rangeOf(entries: Map<number, Entry>, lo: number, hi: number): Iterable<Entry> {
  if (lo === hi) {
    const e = entries.get(lo);
    if (e) yield e;
    return;
  }
  for (const e of entries.values()) if (e.fd >= lo && e.fd <= hi) yield e;
}
