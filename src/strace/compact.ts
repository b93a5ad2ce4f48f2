// Keeps the sink's event list small whatever the size of the capture. It replays the events in
// file order against per-process fd tables with the same rules as replayLifecycle, and drops every
// event the replay could not tell apart from its absence:
// - a create→close pair (with its connect/cloexec events), even across forks: the fork event
//   carries the child's copy of the table (`inherit`), so the child does not need the parent's events;
// - fds marked close-on-exec that an exec closed;
// - connect results past the three a leak signature shows, calls on fds with no entry, and repeated
//   closes of the same fd open before the window (only the first one counts).
// fds a fork exposed (not close-on-exec, made by another thread) are kept for the cloexec-race
// findings until more of them exist than the findings list can show.
// A fork is replayed only once its child is known (the clone resumed): until then events queue.
import { MAX_RACES } from './cloexec-race.js';
import { MAX_EXPOSED_PER_FORK, MAX_FOLLOW } from './lifecycle.js';
import type { FdEvent } from './types.js';

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
   * created over an fd that was never closed (without this create, the old one would stay open). */
  pinnedForGood: boolean;
}

type Table = Map<number, Entry>;

interface Proc {
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
  /**
   * Seam mode: fds this part has seen created in this process. The first create of another fd may
   * replace one the first part left open (a close the capture missed, as in `pinnedForGood`), so it
   * is kept for the merged replay. A close does not count: the closing task may be another process.
   */
  seen: Set<number> | null;
}

export interface Compactor {
  /** Replays queued events as far as the first fork whose child is not known yet. */
  advance(): void;
  /** A fork's clone returned (or failed): events queued behind it can be replayed. */
  resolved(fork: FdEvent): void;
  /** The fork was pushed and its child is not known yet. */
  unresolved(fork: FdEvent): void;
  /**
   * Seam mode: `tid` closes `fd` showing -y annotation `note`. The same socket or pipe inode as the
   * open entry's proves that the task shares the table of the task that opened it.
   */
  sameFile(tid: number, fd: number, note: string): void;
  /**
   * The fd `tid` writes to for the first time: if a file, its create is kept, as the evidence of
   * what the thread writes to (a log it closes later would otherwise fold away with its name).
   */
  keepOpen(tid: number, fd: number): void;
  /** Whether absorbClose would take the close (changes nothing). */
  canAbsorbClose(tid: number, fd: number): boolean;
  /**
   * When nothing is queued, takes a close that needs no event: it folds a healthy create, or its
   * fd was already closed unopened before (only the first such close counts).
   */
  absorbClose(tid: number, fd: number): boolean;
  /**
   * Every fork is replayed as it stands (children never known stay unknown). `cutForks`: the
   * events are the first part of a file read in two parts; a process fork still waiting for its
   * child is replayed as if it had one (it gets its `inherit` list, and the fds it exposes stay),
   * since the second part may resume it.
   */
  finish(opts?: { cutForks?: boolean }): void;
  /** Removes dropped events from the list (indexes held by open fds are renumbered). */
  compact(): void;
}

/**
 * `seam`: the events are the second part of a file read in two parts. An fd with no entry may be
 * open from the first part, so its closes, FD_CLOEXEC changes and first connects are kept (the
 * merged replay needs them). A task not seen created may belong to a child process forked in the first part (a
 * vfork+exec helper closing the fds it inherited, say): its execve is not applied to the traced
 * process's table, and its close, connect or FD_CLOEXEC of an fd another task opened in this part
 * is kept as an event and folds nothing (the merged replay knows whose table it is).
 */
export function createCompactor(
  events: (FdEvent | null)[],
  drop: (i: number) => void,
  folded: (creatorTid: number) => void,
  opts: { seam?: boolean } = {},
): Compactor {
  const seam = opts.seam === true;
  const procOfTid = new Map<number, Proc>();
  const root: Proc = { table: new Map(), from: null, closedUnknown: null, forked: false, forkedAndExeced: false, seen: null };
  /** Seam mode: connects kept per fd with no entry since the fd was last created, at most MAX_FOLLOW. */
  const unknownFollows = new Map<number, number>();
  /** Seam mode: a thread (or CLONE_FILES task) made in this part → the task that made it. */
  const madeBy = new Map<number, number>();
  const leader = (tid: number): number => {
    let t = tid;
    for (let up = madeBy.get(t); up !== undefined; up = madeBy.get(t)) t = up;
    return t;
  };
  const join = (a: number, b: number) => {
    const la = leader(a);
    const lb = leader(b);
    if (la !== lb) madeBy.set(la, lb);
  };
  /** Seam mode: the task may be in another process than the one that made the entry. */
  const foreign = (p: Proc, e: Entry, tid: number): boolean =>
    seam && p === root && e.creatorTid !== tid && leader(e.creatorTid) !== leader(tid);
  const waiting = new Set<FdEvent>();
  let cursor = 0;
  let forkSerial = 0;
  const final = { race: { n: 0, maxPin: -1 }, never: { n: 0, maxPin: -1 } };

  const procOf = (tid: number): Proc => procOfTid.get(tid) ?? root;
  const seenBy = (p: Proc): Set<number> => (p.seen ??= new Set());
  const tableOf = (p: Proc): Table => {
    if (p.table) return p.table;
    const t: Table = new Map();
    for (const packed of p.from?.inherit ?? []) t.set(packed >>> 1, inheritedEntry(packed >>> 1, (packed & 1) === 1));
    p.table = t;
    return t;
  };

  const keepUnknownFollow = (fd: number): boolean => {
    if (!seam) return false;
    const n = unknownFollows.get(fd) ?? 0;
    if (n >= MAX_FOLLOW) return false;
    unknownFollows.set(fd, n + 1);
    return true;
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

  const close = (p: Proc, fd: number, i: number, tid: number) => {
    const table = tableOf(p);
    const e = table.get(fd);
    if (p.forkedAndExeced && (!e || e.inherited)) {
      table.delete(fd);
      drop(i);
      return;
    }
    if (e && foreign(p, e, tid)) {
      // Both events stay; the table forgets the entry so that nothing else folds it either.
      table.delete(fd);
      return;
    }
    if (!e) {
      if (seam) return;
      p.closedUnknown ??= new Set();
      if (p.closedUnknown.has(fd)) drop(i);
      else p.closedUnknown.add(fd);
      return;
    }
    table.delete(fd);
    if (e.inherited || e.pinnedForGood) return;
    if (e.pins > 0 && !finalise(e)) return;
    dropAll(e);
    drop(i);
    folded(e.creatorTid);
  };

  const fork = (p: Proc, ev: FdEvent) => {
    if (ev.child === undefined) return;
    if (seam && (ev.thread || ev.shareFiles)) madeBy.set(ev.child, ev.tid);
    if (ev.thread) {
      procOfTid.set(ev.child, p);
      return;
    }
    if (ev.shareFiles) {
      procOfTid.set(ev.child, { table: tableOf(p), from: null, closedUnknown: null, forked: false, forkedAndExeced: false, seen: p.seen });
      return;
    }
    const serial = forkSerial++;
    const inherit: number[] = [];
    const by: number[] | undefined = seam ? [] : undefined;
    const exposed: Entry[] = [];
    let capped = false;
    for (const e of tableOf(p).values()) {
      inherit.push(e.fd * 2 + (e.cloexec ? 1 : 0));
      by?.push(e.creatorTid);
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
    if (by !== undefined) ev.inheritBy = by;
    procOfTid.set(ev.child, { table: null, from: ev, closedUnknown: null, forked: true, forkedAndExeced: false, seen: null });
  };

  const replay = (i: number, ev: FdEvent) => {
    const p = procOf(ev.tid);
    switch (ev.kind) {
      case 'create': {
        const table = tableOf(p);
        // An fd created again without a close keeps its place in the table (Map.set), and its old
        // create stays: it is the evidence of a close the capture missed. The new create stays too
        // when it replaces an inherited fd: folded away, it would leave the inherited one open.
        const over = table.get(ev.fd);
        if (seam) unknownFollows.delete(ev.fd);
        const firstHere = seam && !seenBy(p).has(ev.fd);
        table.set(ev.fd, {
          fd: ev.fd, creatorTid: ev.tid, cloexec: ev.cloexec === true, inherited: false, idx: [i], follows: 0,
          setLater: false, firstPin: -1, lastPin: -1, pins: 0, pinnedForGood: over !== undefined || firstHere,
        });
        if (seam) seenBy(p).add(ev.fd);
        break;
      }
      case 'close':
        close(p, ev.fd, i, ev.tid);
        break;
      case 'close-range': {
        const table = tableOf(p);
        for (const fd of [...table.keys()]) if (fd >= ev.fd && fd <= (ev.fd2 ?? ev.fd)) table.delete(fd);
        break;
      }
      case 'cloexec': {
        const hi = ev.fd2 ?? ev.fd;
        let hit: Entry | null = null;
        let kept = false;
        for (const e of rangeOf(tableOf(p), ev.fd, hi)) {
          if (foreign(p, e, ev.tid)) {
            kept = true;
            continue;
          }
          e.cloexec = ev.cloexec === true;
          if (e.cloexec) e.setLater = true;
          hit = e;
        }
        if (kept) break;
        if (hit === null) {
          if (!seam) drop(i);
        } else if (ev.fd2 === undefined) hit.idx.push(i);
        break;
      }
      case 'connect': {
        const e = tableOf(p).get(ev.fd);
        if (!e) {
          if (!keepUnknownFollow(ev.fd)) drop(i);
        } else if (foreign(p, e, ev.tid)) break;
        else if (e.follows >= MAX_FOLLOW) drop(i);
        else {
          e.follows++;
          e.idx.push(i);
        }
        break;
      }
      case 'fork':
        fork(p, ev);
        break;
      case 'exec': {
        if (seam && !procOfTid.has(ev.tid)) break;
        if (p.forked) p.forkedAndExeced = true;
        // A table not made yet holds only inherited fds, which no exec lets the compactor drop: the
        // child is never given a copy, and its fork's list is let go (see FdEvent.childExeced).
        if (p.table === null) {
          if (p.from) {
            p.from.inherit = [];
            if (p.from.inheritBy) p.from.inheritBy = [];
            p.from.childExeced = true;
          }
          p.table = new Map();
          break;
        }
        const table = tableOf(p);
        for (const [fd, e] of table) {
          if (!e.cloexec) continue;
          table.delete(fd);
          if (!e.inherited && e.pins === 0 && !e.pinnedForGood) dropAll(e);
        }
        break;
      }
      case 'exit':
        break;
    }
  };

  const canAbsorbClose = (tid: number, fd: number): boolean => {
    if (cursor !== events.length) return false;
    const p = procOf(tid);
    const e = tableOf(p).get(fd);
    if (p.forkedAndExeced && (e === undefined || e.inherited)) return true;
    if (e === undefined) return !seam && p.closedUnknown?.has(fd) === true;
    if (foreign(p, e, tid)) return false;
    // An exposed fd still counted for the findings takes the queued path (finalise counts it there).
    return !e.inherited && !e.pinnedForGood && (e.pins === 0 || hidden(e));
  };

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
    resolved(ev) {
      if (waiting.delete(ev)) advance();
    },
    unresolved(ev) {
      waiting.add(ev);
    },
    canAbsorbClose,
    keepOpen(tid, fd) {
      // Queued behind a fork whose child is not known yet, the create may not be in the table:
      // then nothing is kept (as before this was asked for).
      // Only a file's name is read from its create (fd-log): sockets and pipes still fold.
      const e = tableOf(procOf(tid)).get(fd);
      if (e && !e.inherited && /^(open|creat)/.test(events[e.idx[0]]?.detail ?? '')) e.pinnedForGood = true;
    },
    sameFile(tid, fd, note) {
      if (!seam || note.indexOf(':[') === -1) return;
      const p = procOf(tid);
      if (p !== root) return;
      const e = root.table!.get(fd);
      if (e === undefined || !foreign(p, e, tid)) return;
      const made = events[e.idx[0]];
      if (made?.kind === 'create' && made.path === note) join(tid, e.creatorTid);
    },
    absorbClose(tid, fd) {
      if (!canAbsorbClose(tid, fd)) return false;
      const p = procOf(tid);
      const table = tableOf(p);
      const e = table.get(fd);
      if (e === undefined) return true;
      table.delete(fd);
      if (e.inherited) return true;
      dropAll(e);
      folded(e.creatorTid);
      return true;
    },
    finish(opts = {}) {
      const cut = opts.cutForks ? [...waiting].filter((ev) => ev.child === undefined && !ev.thread && !ev.shareFiles) : [];
      // A placeholder child for the replay only: the artifact says the child is not known.
      for (const ev of cut) ev.child = -1;
      waiting.clear();
      advance();
      for (const ev of cut) ev.child = undefined;
    },
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
      for (const p of [root, ...procOfTid.values()]) {
        if (!p.table || seen.has(p.table)) continue;
        seen.add(p.table);
        for (const e of p.table.values()) for (let k = 0; k < e.idx.length; k++) e.idx[k] = moved[e.idx[k]];
      }
    },
  };
}

function inheritedEntry(fd: number, cloexec: boolean): Entry {
  return {
    fd, creatorTid: -1, cloexec, inherited: true, idx: [], follows: 0, setLater: false, firstPin: -1, lastPin: -1, pins: 0, pinnedForGood: false,
  };
}

function* rangeOf(table: Table, lo: number, hi: number): Iterable<Entry> {
  if (lo === hi) {
    const e = table.get(lo);
    if (e) yield e;
    return;
  }
  for (const e of table.values()) if (e.fd >= lo && e.fd <= hi) yield e;
}
