// The streaming strace sink: fed a line (text or bytes) or a chunk of whole lines at a time, keeps
// only fd events, bounded write samples and per-thread counts. Most lines of a busy process (futex,
// epoll_wait, read, mmap ...) are counted from their pid, time and call-name bytes and never
// decoded (skipFast); the fd calls themselves are read from the bytes too (callFast, with the
// scanners of bytes.ts), by the same rules as the text handlers; only unusual shapes are decoded
// and parsed as text (lineFn), and tests hold every path to the same result.
import type { ReadStats } from '../bundle/lines.js';
import { keep, type LineSink, type ParseContext } from '../types.js';
import {
  decodeCString, formatSockaddr, isDigit, parseClockBytes, parseTimeBytes, parseTimeToken, readFd, readFdPair, readQuoted, readUint, splitArgs,
} from './syntax.js';
import {
  argAt, bytesAre, bytesHave, callEnd, closeOk, fdAt, fdResult, hasRet, lastEq, noteShape, NO_FD, quotedIn, retZero, scan, UNFINISHED_BYTES, unfinished, UNREAD,
} from './bytes.js';
import { createCompactor } from './compact.js';
import { fileTidOf } from './sniff.js';
import { LISTED, loadPrescan, type PrescanResult } from './prescan.js';
import type { FdEvent, FdWrites, StraceArtifact, StraceShape, ThreadCounts, WriteSample } from './types.js';

const DECODER = new TextDecoder();

// Kept to 30 bits: a small integer, never a heap number, on the hot path.
const nameHash = (h: number, c: number): number => Math.imul(h ^ c, 16777619) & 0x3fffffff;
const hashOf = (name: string): number => {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = nameHash(h, name.charCodeAt(i));
  return h;
};

/** Quoted line texts kept per (tid, call pattern): the first and the last few. */
const KEEP_FIRST = 20;
const KEEP_LAST = 20;
const WRITE_SAMPLES = 8;
const WRITE_TEXT_MAX = 600;

type Handler = (c: Call) => void;

interface Call {
  tid: number;
  time: number | null;
  line: number;
  text: string;
  name: string;
  args: string;
  /** Result text after ` = `, without the -T duration. */
  ret: string;
}

interface Pending {
  name: string;
  /** The arguments before ` <unfinished ...>` (see headOf): text[headAt, end - 17). */
  head: string | undefined;
  headAt: number;
  line: number;
  time: number | null;
  /**
   * The unfinished line (read only when the file is parsed in parts, see SeamCall). DEFERRED while
   * its bytes are still buf[at, end) of the buffer being read (see decodeDeferred).
   */
  text: string;
  at?: number;
  end?: number;
  /** A fork event emitted at the call's start, completed when it resumes. */
  fork?: FdEvent;
  /** What pendFast read of the arguments, for resumedFast (undefined: read the resumption as text). */
  read: PendedArgs | undefined;
}

/** An unfinished call's arguments read from the bytes, by the call. */
type PendedArgs =
  | { call: 'open'; path: string; cloexec: boolean }
  | { call: 'connect'; fd: number; addr: string }
  | { call: 'accept'; detail: string }
  | { call: 'exec'; path: string }
  /** `note`: the fd's annotation, read in seam mode only (sameFile). */
  | { call: 'close'; fd: number; note: string | undefined };

const CREATE_CALLS = [
  'socket', 'socketpair', 'accept', 'accept4', 'open', 'openat', 'openat2', 'creat', 'pipe', 'pipe2', 'dup', 'dup2',
  'dup3', 'eventfd', 'eventfd2', 'epoll_create', 'epoll_create1', 'timerfd_create', 'inotify_init', 'inotify_init1',
  'memfd_create', 'signalfd', 'signalfd4', 'pidfd_open',
];
const WRITE_CALLS = ['write', 'writev', 'pwrite64', 'pwritev', 'sendto', 'send', 'sendmsg'];
const FORK_CALLS = ['clone', 'clone3', 'fork', 'vfork'];
const OPEN_CALLS = ['open', 'openat', 'openat2', 'creat'];

/** Parses the result text: `26<socket:[1]>`, `-1 ECONNREFUSED (Connection refused)`, `0`, `?`. */
function parseRet(ret: string): { value: number; errno?: string; note?: string } {
  if (ret.startsWith('-1 ')) {
    const sp = ret.indexOf(' ', 3);
    return { value: -1, errno: sp === -1 ? ret.slice(3) : ret.slice(3, sp) };
  }
  const fd = readFd(ret, 0);
  if (fd) return { value: fd.fd, note: fd.note };
  if (ret.startsWith('0x')) return { value: parseInt(ret, 16) };
  return { value: NaN };
}

/** Lines of the text path are slices of 1 MB chunks: what is stored goes through keep(). */
function clip(text: string, owned: boolean): string {
  if (text.length > 300) return keep(text.slice(0, 297) + '...');
  return owned ? text : keep(text);
}

const UTF8 = (buf: Uint8Array, start: number, end: number): string => {
  // Buffer's own slice decoder skips the subarray object TextDecoder needs.
  const b = buf as Uint8Array & { utf8Slice?: (s: number, e: number) => string };
  return typeof b.utf8Slice === 'function' ? b.utf8Slice(start, end) : DECODER.decode(buf.subarray(start, end));
};

/**
 * f with its results kept for up to `max` distinct arguments (call arguments repeat all the time).
 * Keys and results go through keep(): a slice of a text chunk would keep the whole chunk alive.
 */
function memo<T>(f: (s: string) => T, max = 4096): (s: string) => T {
  const seen = new Map<string, T>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) {
      v = f(s);
      if (seen.size < max) seen.set(keep(s), v);
    }
    return v;
  };
}

const sockaddrOf = memo((arg) => keep(formatSockaddr(arg)));
const socketType = memo((type) => keep(stripFlag(type, 'SOCK_CLOEXEC')));

function flagsHave(arg: string | undefined, flag: string): boolean {
  return arg !== undefined && arg.indexOf(flag) !== -1;
}

function stripFlag(arg: string, flag: string): string {
  return arg.split('|').filter((f) => f !== flag && f !== 'SOCK_NONBLOCK' && f !== 'O_NONBLOCK').join('|') || '0';
}

/**
 * A call cut by the seam of a file read in two parts: an unfinished call still pending at the end
 * of the first part, or a resumption of an fd call in the second part with nothing pending.
 */
export interface SeamCall {
  tid: number;
  name: string;
  line: number;
  text: string;
  /** The line's time in its part's time base. */
  time: number | null;
  /** A clone/fork (its event is already in the first part's artifact). */
  fork: boolean;
}

export interface SeamInfo {
  pending: SeamCall[];
  /** Second part only (`seam: true`). */
  orphans: SeamCall[];
  /**
   * Second part only: tids whose call pending from the first part is over by the end of this part,
   * as in a one-pass read: they started another unfinished call of interest (which replaces it), or
   * their first resumption here resumed it (an orphan) or another call (it was lost: see lineFn).
   */
  settled: number[];
}

export type StraceSink = LineSink<StraceArtifact> & {
  seam(): SeamInfo;
  /** Events held so far. */
  held(): number;
  /** The whole lines of buf[from, to), as readLineChunks hands them (see LineChunkFn). */
  chunk(buf: Uint8Array, from: number, to: number, firstLine: number, stats: ReadStats): void;
  /**
   * The two buffers to read the file into for chunk() (see readLineChunks): the prescan's inputs (the
   * sink takes the prescan for them), or undefined. Only this sink may read into them until its end().
   */
  readBuffers(): [Buffer, Buffer] | undefined;
  /**
   * Hands the prescan of the rest of the file to another thread (prescan-worker.ts, see
   * pipeline.ts): the sink lets this thread's prescan go (its held writes pended, its counts
   * merged) and from then on reads only what the remote one lists. null: not yet (the shape is not
   * settled) or never (no prescan, a `-ff` file, a part): read on here.
   */
  handOff(): RemotePrescanLink | null;
};

/** The sink's side of a prescan on another thread (StraceSink.handOff). */
export interface RemotePrescanLink {
  /** The calls the remote prescan is to load (loadPrescan). */
  calls: { interesting: number[]; writes: { hash: number; name: string }[] };
  /**
   * The lines it listed, as Prescan.listed but with every line in `buf` (held writes too). After a
   * stop, the sink's clock (clock()) and pending tids (pendingTids()) go back.
   */
  read(buf: Uint8Array, listed: Int32Array, listedClock: Float64Array, count: number): void;
  /** The clock to read a raw chunk's lines from. */
  setClock(last: number, day: number): void;
  /** The sink's clock (last printed clock, day offset) and its tids with a call pending: where the remote prescan starts, and goes on after a stop. */
  clock(): [number, number];
  pendingTids(): number[];
  /** Lines the remote prescan could not take (a chunk too big for it): read here, line by line. */
  readRaw(buf: Uint8Array, from: number, to: number, firstLine: number, stats: ReadStats): void;
  /** Write pairs (tid, fd, path known) whose samples filled since the last call (the first: all so far): the remote prescan counts them from now on. */
  newPairs(): number[];
  /** Its counts at the end. */
  done(r: PrescanResult): void;
}

/**
 * `compact: false` keeps every event (tests compare the analysis of both). `seam: true`: the lines
 * are the second part of a file (see src/strace/parallel.ts): fd calls resumed with nothing
 * pending are reported by seam(), and events on fds this part never opened are kept.
 * `firstPart: true`: the first part of such a file (a clone still unfinished at its end may have
 * made a process, see Compactor.finish); read when end() is called, so a caller that goes on
 * reading the rest of the file with this sink clears it first.
 */
export function createStraceSink(ctx: ParseContext, opts: { compact?: boolean; seam?: boolean; firstPart?: boolean } = {}): StraceSink {
  const seamPart = opts.seam === true;
  /** Seam mode: tids whose first call of this part was read (only that one can be an orphan). */
  const seamDone = new Set<number>();
  const orphans: SeamCall[] = [];
  const shape: StraceShape = {
    pidPrefix: 'none', timeBase: 'none', durations: false, fdPaths: false, truncatedStrings: false,
  };
  const art: StraceArtifact = {
    records: 0, shape, lines: 0, parsedLines: 0, firstTime: null, lastTime: null, events: [], foldedPairs: {},
    writes: [], threads: [], attached: [], unfinishedAtEnd: 0,
  };
  /** `-ff` names each file after its thread (`name.TID`). */
  const fileTid = fileTidOf(ctx.file);

  const events: (FdEvent | null)[] = [];
  let nulls = 0;
  /** Per thread, with the lines of its first and last timed line (-1: none), which merge the prescan's counts. */
  type Counts = ThreadCounts & { firstTimed: number; lastTimed: number };
  const threads = new Map<number, Counts>();
  // A thread's finished call is set to null, not deleted: a Map that keeps losing and gaining the
  // same keys reallocates its table over and over.
  const pending = new Map<number, Pending | null>();
  const pendingOf = (tid: number): Pending | undefined => pending.get(tid) ?? undefined;
  /**
   * Writes per tid, then indexed by fd: most lines of a busy process are writes, and two Map
   * lookups per write cost several times the array index (fds are small integers).
   */
  const writes = new Map<number, (FdWrites | undefined)[]>();
  const writeList: FdWrites[] = [];
  let writesTid = -1;
  let writesByFd: (FdWrites | undefined)[] | undefined;
  const writesOf = (tid: number, fd: number): FdWrites | undefined => {
    if (tid !== writesTid) {
      writesTid = tid;
      writesByFd = writes.get(tid);
    }
    return writesByFd === undefined ? undefined : writesByFd[fd];
  };
  const addWrites = (w: FdWrites) => {
    let byFd = writes.get(w.tid);
    if (byFd === undefined) writes.set(w.tid, (byFd = []));
    byFd[w.fd] = w;
    if (w.tid === writesTid) writesByFd = byFd;
    writeList.push(w);
  };
  const intern = new Map<string, string>();
  /** Per call pattern (a create's interned detail, or `x` closes, `s` FD_CLOEXEC sets ...), then per tid. */
  const quoteKeep = new Map<string, Map<number, { n: number; ring: FdEvent[] }>>();
  const eventTids = new Set<number>();
  // One file of -ff holds one thread: another file may fork between its create and close, so
  // only a capture of every thread in one file is compacted.
  const compactor = fileTid === undefined && opts.compact !== false
    ? createCompactor(
      events,
      (i) => {
        const ev = events[i];
        if (ev === null) return;
        events[i] = null;
        ev.text = undefined;
        nulls++;
      },
      (tid) => {
        art.foldedPairs[tid] = (art.foldedPairs[tid] ?? 0) + 1;
      },
      { seam: seamPart },
    )
    : null;
  /** The line being read is a string of its own (decoded from bytes), not a slice of a chunk. */
  let owned = false;
  // Times change on every line: kept in a Float64Array (and in thread fields that start as NaN),
  // since a fraction stored in a closure variable or a field that held null is a new heap number
  // each time. art's and the threads' null times are set in end().
  const clockTimes = new Float64Array(9);
  const LAST_CLOCK = 0;
  const CLOCK_DAY = 1;
  const REL_SUM = 2;
  const FIRST_TIME = 3;
  const LAST_TIME = 4;
  // The byte path hands the line's time along here: a double passed to or returned from a function
  // that is not inlined is a new heap number, one per line. NaN: the line has no time.
  /** The time as printed (skipFast → callFast). */
  const LINE_PRINTED = 5;
  /** The time in the file's time base (setLineTime → countLine). */
  const LINE_TIME = 6;
  /** The lines of FIRST_TIME and LAST_TIME (to merge the prescan's, see prescan.ts). */
  const FIRST_LINE = 7;
  const LAST_LINE = 8;
  clockTimes[LAST_CLOCK] = -1;
  clockTimes[FIRST_TIME] = NaN;
  clockTimes[LAST_TIME] = NaN;
  let firstLineSeen = false;

  const I = (s: string) => {
    const v = intern.get(s);
    if (v !== undefined) return v;
    // Socket and pipe inodes are unique per fd: interning them would only grow the table.
    const own = keep(s);
    if (intern.size < 50000 && s.indexOf(':[') === -1) intern.set(own, own);
    return own;
  };

  let lastThread: Counts | undefined;
  const thread = (tid: number, line: number): Counts => {
    if (lastThread !== undefined && lastThread.tid === tid) return lastThread;
    let t = threads.get(tid);
    lastThread = t;
    if (!t) {
      t = { tid, lines: 0, creates: 0, closes: 0, forks: 0, failedConnects: 0, signals: {}, firstTime: NaN, lastTime: NaN, firstLine: line, firstTimed: -1, lastTimed: -1 };
      threads.set(tid, t);
      lastThread = t;
    }
    return t;
  };

  /**
   * The text of an fd event read from bytes is decoded only if the event still holds it once the
   * lines of the buffer have been read (most creates fold away at their close soon after): until
   * then ev.text is DEFERRED, and where the line is in `deferIn` is noted.
   */
  const DEFERRED = '\u0000';
  let deferIn: Uint8Array | null = null;
  const deferred: FdEvent[] = [];
  const deferredAt: number[] = [];
  /** The line fastEvent reads (what DEFERRED stands for). */
  let lineStart = 0;
  let lineEnd = 0;
  const textOf = (ev: FdEvent, text: string): string => {
    if (text !== DEFERRED) return clip(text, owned);
    deferred.push(ev);
    deferredAt.push(lineStart, lineEnd);
    return DEFERRED;
  };
  /** Unfinished calls whose line is DEFERRED (pendFast), and their tids. */
  const deferredPending: Pending[] = [];
  const deferredPendingTid: number[] = [];
  /** Decodes the deferred texts still held (and the lines of calls still pending) before deferIn is read into again. */
  const decodeDeferred = () => {
    for (let k = 0; k < deferred.length; k++) {
      const ev = deferred[k];
      if (ev.text === DEFERRED) ev.text = clip(UTF8(deferIn!, deferredAt[2 * k], deferredAt[2 * k + 1]), true);
    }
    deferred.length = 0;
    deferredAt.length = 0;
    for (let k = 0; k < deferredPending.length; k++) {
      const p = deferredPending[k];
      // A call no longer pending is never read again.
      if (p.text === DEFERRED && pending.get(deferredPendingTid[k]) === p) p.text = UTF8(deferIn!, p.at!, p.end!);
    }
    deferredPending.length = 0;
    deferredPendingTid.length = 0;
  };

  const keepText = (group: string, ev: FdEvent, text: string) => {
    let byTid = quoteKeep.get(group);
    if (!byTid) quoteKeep.set(group, (byTid = new Map()));
    let k = byTid.get(ev.tid);
    if (!k) byTid.set(ev.tid, (k = { n: 0, ring: [] }));
    ev.text = textOf(ev, text);
    const after = k.n++ - KEEP_FIRST;
    if (after < 0) return;
    // The last KEEP_LAST, in a circular buffer: the event it replaces loses its text. Assigning
    // undefined (not `delete`) keeps the event object in its fast, compact shape.
    const slot = after % KEEP_LAST;
    const old = k.ring[slot];
    if (old !== undefined) old.text = undefined;
    k.ring[slot] = ev;
  };

  /** `group`: the call pattern whose first and last texts per thread are kept (see keepText). */
  const push = (ev: FdEvent, text: string, group?: string) => {
    if (group !== undefined) keepText(group, ev, text);
    else ev.text = textOf(ev, text);
    events.push(ev);
    eventTids.add(ev.tid);
    if (!compactor) return;
    compactor.advance();
    if (nulls > 65536 && nulls * 2 > events.length) {
      compactor.compact();
      nulls = 0;
    }
  };

  /** `retNoted`: the call's result carries a -y annotation (`5</var/log/a.log>`). */
  const createAt = (tid: number, time: number | null, line: number, text: string, retNoted: boolean, fd: number, detail: string, cloexec: boolean, path?: string) => {
    if (path !== undefined) shape.fdPaths ||= path.length > 0 && retNoted;
    const ev: FdEvent = { kind: 'create', time, tid, fd, detail: I(detail), cloexec, line };
    // A slice of the line would keep the whole line alive for as long as the event lives.
    if (path !== undefined) ev.path = I(path);
    push(ev, text, ev.detail);
    thread(tid, line).creates++;
  };

  const create = (c: Call, fd: number, detail: string, cloexec: boolean, path?: string) =>
    createAt(c.tid, c.time, c.line, c.text, path !== undefined && c.ret.indexOf('<') !== -1, fd, detail, cloexec, path);

  /** `note`: the fd's -y annotation in the call. */
  const releaseAt = (tid: number, time: number | null, line: number, text: string, fd: number, detail: string, note?: string) => {
    const t = thread(tid, line);
    t.closes++;
    if (seamPart && note !== undefined) compactor?.sameFile(tid, fd, note);
    if (compactor?.absorbClose(tid, fd)) {
      eventTids.add(tid);
      return;
    }
    push({ kind: 'close', time, tid, fd, detail: I(detail), line }, text, 'x');
  };

  const release = (c: Call, fd: number, detail: string, note?: string) => releaseAt(c.tid, c.time, c.line, c.text, fd, detail, note);

  const attach = (c: Call, ev: FdEvent, group: string) => push(ev, c.text, group);

  const fdArg = (c: Call) => readFd(c.args, 0);

  const handlers = new Map<string, Handler>();
  const on = (names: string[], h: Handler) => names.forEach((n) => handlers.set(n, h));

  on(['socket'], (c) => {
    const r = parseRet(c.ret);
    if (r.value < 0 || Number.isNaN(r.value)) return;
    const a = splitArgs(c.args);
    const type = a[1] ?? '?';
    create(c, r.value, `socket(${a[0]}, ${socketType(type)})`, flagsHave(type, 'SOCK_CLOEXEC'), r.note ?? '');
  });
  on(['socketpair', 'pipe', 'pipe2'], (c) => {
    const r = parseRet(c.ret);
    if (r.value !== 0) return;
    const pair = readFdPair(c.args);
    if (!pair) return;
    const a = splitArgs(c.args);
    const flags = c.name === 'socketpair' ? a[1] : c.name === 'pipe2' ? a[1] : undefined;
    const cloexec = flagsHave(flags, 'CLOEXEC');
    const detail = c.name === 'socketpair' ? `socketpair(${a[0]}, ${socketType(a[1] ?? '?')})` : `${c.name}()`;
    // Each end is its own fd with its own lifetime.
    create(c, pair[0], detail, cloexec, pair[2] ?? '');
    create(c, pair[1], detail, cloexec, pair[2] ?? '');
  });
  on(['accept', 'accept4'], (c) => {
    const r = parseRet(c.ret);
    if (r.value < 0 || Number.isNaN(r.value)) return;
    const lfd = fdArg(c);
    const a = splitArgs(c.args);
    create(c, r.value, `${c.name}(${lfd?.note ?? lfd?.fd ?? '?'})`, c.name === 'accept4' && flagsHave(a[3], 'SOCK_CLOEXEC'), r.note ?? '');
  });
  /** `openat("/var/log/a.log")`, one string per call name and path. */
  const openDetails = new Map<string, Map<string, string>>();
  const openDetail = (name: string, path: string): string => {
    let byPath = openDetails.get(name);
    if (byPath === undefined) openDetails.set(name, (byPath = new Map()));
    let detail = byPath.get(path);
    if (detail === undefined) {
      detail = I(`${name}("${path}")`);
      if (byPath.size < 50000) byPath.set(keep(path), detail);
    }
    return detail;
  };
  on(OPEN_CALLS, (c) => {
    const r = parseRet(c.ret);
    if (r.value < 0 || Number.isNaN(r.value)) return;
    const q = c.args.indexOf('"');
    const quoted = q === -1 ? null : readQuoted(c.args, q);
    const path = quoted ? decodeCString(quoted.raw) : '?';
    const flags = c.args.slice(quoted ? quoted.end : 0);
    create(c, r.value, openDetail(c.name, path), flagsHave(flags, 'O_CLOEXEC'), r.note ?? path);
  });
  on(['dup', 'dup2', 'dup3'], (c) => {
    const r = parseRet(c.ret);
    if (r.value < 0 || Number.isNaN(r.value)) return;
    const old = fdArg(c);
    if (c.name !== 'dup') {
      const a = splitArgs(c.args);
      const target = readFd(a[1] ?? '', 0);
      if (target && target.fd !== old?.fd) release(c, target.fd, `${c.name} over fd ${target.fd}`);
    }
    const a = splitArgs(c.args);
    create(c, r.value, `${c.name}(${old?.fd ?? '?'})`, c.name === 'dup3' && flagsHave(a[2], 'O_CLOEXEC'), r.note ?? old?.note ?? '');
  });
  on(['eventfd', 'eventfd2', 'epoll_create', 'epoll_create1', 'timerfd_create', 'inotify_init', 'inotify_init1', 'memfd_create', 'signalfd', 'signalfd4', 'pidfd_open'], (c) => {
    const r = parseRet(c.ret);
    if (r.value < 0 || Number.isNaN(r.value)) return;
    create(c, r.value, `${c.name}()`, c.args.indexOf('CLOEXEC') !== -1, r.note ?? '');
  });
  on(['fcntl', 'fcntl64'], (c) => {
    const a = splitArgs(c.args);
    const fd = readFd(a[0] ?? '', 0);
    if (!fd) return;
    const cmd = a[1] ?? '';
    if (cmd === 'F_SETFD') {
      if (c.ret !== '0' && !c.ret.startsWith('0 ')) return;
      const on = flagsHave(a[2], 'FD_CLOEXEC') || a[2] === '1';
      attach(c, { kind: 'cloexec', time: c.time, tid: c.tid, fd: fd.fd, detail: I(`fcntl(F_SETFD, ${a[2]})`), cloexec: on, line: c.line }, 's');
    } else if (cmd === 'F_DUPFD' || cmd === 'F_DUPFD_CLOEXEC') {
      const r = parseRet(c.ret);
      if (r.value < 0 || Number.isNaN(r.value)) return;
      create(c, r.value, `fcntl(${fd.fd}, ${cmd})`, cmd === 'F_DUPFD_CLOEXEC', r.note ?? fd.note ?? '');
    }
  });
  on(['close'], (c) => {
    const fd = fdArg(c);
    if (!fd) return;
    const r = parseRet(c.ret);
    if (r.value !== 0 && r.errno !== 'EINTR') return;
    release(c, fd.fd, 'close()', fd.note);
  });
  on(['close_range'], (c) => {
    const a = splitArgs(c.args);
    const [lo] = readUint(a[0] ?? '', 0);
    const hi = Math.min(Number(a[1]), 1 << 20);
    if (lo < 0 || !Number.isFinite(hi) || c.ret !== '0') return;
    const cloexec = flagsHave(a[2], 'CLOSE_RANGE_CLOEXEC');
    push({ kind: cloexec ? 'cloexec' : 'close-range', time: c.time, tid: c.tid, fd: lo, fd2: hi, detail: I(`close_range(${a[2] ?? '0'})`), cloexec: cloexec || undefined, line: c.line }, c.text);
  });
  on(['connect'], (c) => {
    const fd = fdArg(c);
    if (!fd) return;
    const a = splitArgs(c.args);
    const r = parseRet(c.ret);
    const result = r.value === -1 ? `-1 ${r.errno}` : String(r.value);
    if (r.value === -1 && r.errno !== 'EINPROGRESS' && r.errno !== 'EINTR') thread(c.tid, c.line).failedConnects++;
    attach(c, { kind: 'connect', time: c.time, tid: c.tid, fd: fd.fd, detail: I(`connect(${sockaddrOf(a[1] ?? '')}) = ${result}`), line: c.line }, I(`n:${result}`));
  });
  on(['getsockopt'], (c) => {
    if (c.args.indexOf('SO_ERROR') === -1) return;
    const fd = fdArg(c);
    if (!fd) return;
    const m = /SO_ERROR, \[([A-Z0-9]+)\]/.exec(c.args);
    if (!m) return;
    const err = m[1] === '0' ? 'OK' : m[1];
    if (err !== 'OK') thread(c.tid, c.line).failedConnects++;
    attach(c, { kind: 'connect', time: c.time, tid: c.tid, fd: fd.fd, detail: I(`SO_ERROR ${err}`), line: c.line }, I(`n:${err}`));
  });
  on(['execve', 'execveat'], (c) => {
    const r = parseRet(c.ret);
    if (r.value !== 0) return;
    const q = c.args.indexOf('"');
    const quoted = q === -1 ? null : readQuoted(c.args, q);
    push({ kind: 'exec', time: c.time, tid: c.tid, fd: -1, detail: I(`execve("${quoted ? decodeCString(quoted.raw) : '?'}")`), line: c.line }, c.text);
  });
  on(WRITE_CALLS, (c) => {
    const fd = fdArg(c);
    if (!fd) return;
    const q = c.args.indexOf('"', fd.end);
    if (q === -1) return;
    const quoted = readQuoted(c.args, q);
    if (!quoted) return;
    const r = parseRet(c.ret);
    recordWrite(c.tid, c.time, c.line, c.text, fd.fd, fd.note, quoted.raw, quoted.truncated, r.value >= 0 ? r.value : 0);
  });

  /** A write whose string is `raw` (still escaped; `truncated`: cut by -s), of `bytes` bytes. */
  const recordWrite = (tid: number, time: number | null, line: number, text: string, fd: number, note: string | undefined, raw: string, truncated: boolean, bytes: number) => {
    if (truncated) shape.truncatedStrings = true;
    let w = writesOf(tid, fd);
    const head = raw.length > WRITE_TEXT_MAX * 2 ? raw.slice(0, WRITE_TEXT_MAX * 2) : raw;
    // The text is decoded at the end, once per kept sample.
    const sample: WriteSample = { time, line, lineText: clip(text, owned), text: owned ? head : keep(head), bytes, truncated };
    if (!w) {
      w = { tid, fd, count: 0, bytes: 0, samples: [], first: sample };
      addWrites(w);
      // The file open on this fd at the thread's first write names what it writes to (fd-log).
      compactor?.keepOpen(tid, fd);
    }
    let pathSet = false;
    if (note && w.path === undefined) {
      w.path = keep(note);
      shape.fdPaths = true;
      pathSet = true;
    }
    w.count++;
    w.bytes += sample.bytes;
    // The first writes are kept as samples; the rest are only counted (the byte path counts them
    // without decoding the line, and so does the prescan once told).
    if (w.samples.length < WRITE_SAMPLES) w.samples.push(sample);
    if (w.samples.length === WRITE_SAMPLES && (!countedByPrescan.has(w) || pathSet)) {
      if (remotePairs !== null) {
        remotePairs.push(tid, fd, w.path !== undefined ? 1 : 0);
        countedByPrescan.add(w);
      } else if (pre !== null && pre.owner === sinkId && pre.countPair(tid, fd, w.path !== undefined)) countedByPrescan.add(w);
    }
  };
  /** Handed off (handOff): the pairs to pass on to the remote prescan. */
  let remotePairs: number[] | null = null;
  /**
   * `tid` has a call pending. The prescan is told, since it takes the resumption lines of threads
   * without one: it marks the calls it lists itself, but not those of a line whose time it could not
   * read (it stops there, and this runs before it goes on).
   */
  const pend = (tid: number, p: Pending) => {
    pending.set(tid, p);
    if (pre !== null && pre.owner === sinkId) pre.markPending(tid);
  };
  /** Writes whose counting the prescan took over (prescan.ts). */
  const countedByPrescan = new Set<FdWrites>();

  const forkStart = (tid: number, time: number | null, line: number, name: string, args: string, text: string): FdEvent => {
    const flagsAt = args.indexOf('flags=');
    const flags = name === 'clone' || name === 'clone3' ? (flagsAt === -1 ? '' : args.slice(flagsAt, args.indexOf(',', flagsAt) >>> 0)) : '';
    const bits = (flags.indexOf('CLONE_THREAD') !== -1 ? CLONE_THREAD : 0) | (flags.indexOf('CLONE_FILES') !== -1 ? CLONE_FILES : 0) | (flags.indexOf('CLONE_VFORK') !== -1 ? CLONE_VFORK : 0);
    return forkStartWith(tid, time, line, name, bits, text);
  };
  const CLONE_THREAD = 1;
  const CLONE_FILES = 2;
  const CLONE_VFORK = 4;
  /** The fork event of a clone whose flags (for clone and clone3: `flags=...`) have `bits`. */
  const forkStartWith = (tid: number, time: number | null, line: number, name: string, bits: number, text: string): FdEvent => {
    const thread = (bits & CLONE_THREAD) !== 0;
    const shareFiles = (bits & CLONE_FILES) !== 0;
    const ev: FdEvent = { kind: 'fork', time, tid, fd: -1, detail: I(name === 'clone' || name === 'clone3' ? `${name}(${thread ? 'thread' : shareFiles ? 'CLONE_FILES' : 'process'}${(bits & CLONE_VFORK) !== 0 ? ', vfork' : ''})` : `${name}()`), thread, shareFiles, line };
    // Queued behind the fork until its child is known: the child's lines may come first.
    compactor?.unresolved(ev);
    push(ev, text, thread ? 't' : 'f');
    thread_(tid, line).forks += thread ? 0 : 1;
    return ev;
  };
  const thread_ = thread;
  const forkEnd = (ev: FdEvent, ret: string, line: number, text: string) => forkEndWith(ev, parseRet(ret).value, line, text);
  /** The clone returned `value` (the child, when above 0). */
  const forkEndWith = (ev: FdEvent, value: number, line: number, text: string) => {
    if (value > 0) {
      ev.child = value;
      if (ev.line !== line && ev.text !== undefined) ev.text = clip(text, owned);
      if (ev.line !== line) ev.line = line;
    }
    compactor?.resolved(ev);
  };

  const splitRet = (body: string): [string, string] | null => {
    // Without -tt strace pads short calls: `<... write resumed>)              = 223`.
    const eq = body.lastIndexOf(' = ');
    if (eq === -1) return null;
    let close = eq;
    while (close > 0 && body.charCodeAt(close - 1) === 32) close--;
    if (body.charCodeAt(close - 1) !== 41 /* ) */) return null;
    let ret = body.slice(eq + 3);
    if (ret.charCodeAt(ret.length - 1) === 62 /* > */) {
      const lt = ret.lastIndexOf(' <');
      if (lt !== -1 && isDigit(ret.charCodeAt(lt + 2))) {
        shape.durations = true;
        ret = ret.slice(0, lt);
      }
    }
    return [body.slice(0, close - 1), ret];
  };

  const dispatch = (tid: number, time: number | null, line: number, text: string, name: string, argsAndRet: string) => {
    const h = handlers.get(name);
    const isFork = FORK_CALLS.includes(name);
    if (!h && !isFork) return;
    art.parsedLines++;
    const sr = splitRet(argsAndRet);
    if (!sr) return;
    if (isFork) {
      const ev = forkStart(tid, time, line, name, sr[0], text);
      forkEnd(ev, sr[1], line, text);
      return;
    }
    h!({ tid, time, line, text, name, args: sr[0], ret: sr[1] });
  };

  /** A printed time → seconds in the file's time base (-tt wraps at midnight, -r accumulates). */
  const advance = (v: number): number => {
    setLineTime(v);
    return clockTimes[LINE_TIME];
  };
  /** advance() into clockTimes[LINE_TIME]; NaN (no time) stays NaN. */
  const setLineTime = (v: number) => {
    if (Number.isNaN(v)) clockTimes[LINE_TIME] = NaN;
    else if (shape.timeBase === 'clock') {
      const last = clockTimes[LAST_CLOCK];
      if (last >= 0 && v + 43200 < last) clockTimes[CLOCK_DAY] += 86400;
      clockTimes[LAST_CLOCK] = v;
      clockTimes[LINE_TIME] = v + clockTimes[CLOCK_DAY];
    } else if (shape.timeBase === 'relative') {
      clockTimes[REL_SUM] += v;
      clockTimes[LINE_TIME] = clockTimes[REL_SUM];
    } else clockTimes[LINE_TIME] = v;
  };
  /** The line's time as events store it (a heap number: only for lines that make one). */
  const lineTime = (): number | null => (Number.isNaN(clockTimes[LINE_TIME]) ? null : clockTimes[LINE_TIME]);

  const UNFINISHED = ' <unfinished ...>';

  /** Every line counts for its thread, interesting or not. */
  const count = (tid: number, time: number | null, n: number): ThreadCounts => {
    clockTimes[LINE_TIME] = time ?? NaN;
    return countLine(tid, n);
  };
  /** count() with the line's time in clockTimes[LINE_TIME]. */
  const countLine = (tid: number, n: number): ThreadCounts => {
    const time = clockTimes[LINE_TIME];
    const timed = !Number.isNaN(time);
    if (timed) {
      if (Number.isNaN(clockTimes[FIRST_TIME])) {
        clockTimes[FIRST_TIME] = time;
        clockTimes[FIRST_LINE] = n;
      }
      clockTimes[LAST_TIME] = time;
      clockTimes[LAST_LINE] = n;
    }
    const t = thread(tid, n);
    t.lines++;
    if (timed) {
      if (Number.isNaN(t.firstTime)) {
        t.firstTime = time;
        t.firstTimed = n;
      }
      t.lastTime = time;
      t.lastTimed = n;
    }
    return t;
  };

  /**
   * The fast path for big files: most lines of a busy process are futex, epoll_wait, read, recvfrom
   * ... on fds that are not in question. Their pid, time and call name are read from the bytes and
   * counted; only the lines that matter (and any line of an unusual shape) are decoded to text.
   */
  const INTERESTING_HASHES = new Set([...handlers.keys(), ...FORK_CALLS].map(hashOf));

  const H_CLOSE = hashOf('close');
  const H_FCNTL = hashOf('fcntl');
  const H_FCNTL64 = hashOf('fcntl64');
  const H_GETSOCKOPT = hashOf('getsockopt');
  /** What a fast line does beyond counting: nothing (a call the analysis skips), counted as parsed, or a folded close. */
  const SKIP = 0;
  const PARSED = 1;
  const FOLD = 2;
  /** An open call read from the bytes (openFast, resumedOpen). */
  const OPENED = 3;
  /** A close that needs its event (the compactor cannot fold it). */
  const CLOSED = 4;
  /** A socket call read by socketFast. */
  const SOCKET = 5;
  /** A write read by writeArgs (a sample, or nothing when it has no string). */
  const WRITTEN = 6;
  /** connectFast, resumedConnect. */
  const CONNECTED = 7;
  /** pipeFast, resumedPipe. */
  const PIPED = 8;
  /** dup2Fast. */
  const DUPED = 9;
  /** resumedAccept. */
  const ACCEPTED = 10;
  /** resumedExec. */
  const EXECED = 11;
  /** forkFast: a fork complete on its line. */
  const FORKED = 12;
  /** resumedFork: a fork's resumption (not counted as a parsed line, as in lineFn). */
  const FORK_END = 13;
  /** soErrorFast. */
  const SO_ERROR_READ = 14;
  const H_CONNECT = hashOf('connect');
  const H_PIPE = hashOf('pipe');
  const H_PIPE2 = hashOf('pipe2');
  const H_DUP2 = hashOf('dup2');
  const H_SOCKET = hashOf('socket');

  /**
   * Reads a line from its bytes when that is enough: calls the analysis skips, fcntl/getsockopt
   * calls that do not touch FD_CLOEXEC or SO_ERROR, and `close(N) = 0` of an fd whose create
   * folds away. false = decode it and read it fully (which gives the same result).
   */
  const skipFast = (buf: Uint8Array, start: number, end: number, n: number): boolean => {
    if (!firstLineSeen) return false;
    let i = start;
    let tid = fileTid ?? 0;
    if (shape.pidPrefix === 'column') {
      let v = 0;
      while (i < end && isDigit(buf[i])) v = v * 10 + (buf[i++] - 48);
      if (i === start || buf[i] !== 32) return false;
      tid = v;
    } else if (shape.pidPrefix === 'bracket') return false;
    while (buf[i] === 32) i++;
    clockTimes[LINE_PRINTED] = NaN;
    if (isDigit(buf[i])) {
      if (shape.timeBase === 'none') return false;
      let sp = i + 15;
      if (shape.timeBase !== 'clock' || !parseClockBytes(buf, i, clockTimes, LINE_PRINTED)) {
        sp = i;
        while (sp < end && buf[sp] !== 32) sp++;
        // A line cut inside its time (a capture stopped mid-line) is the text path's to judge.
        if (sp >= end) return false;
        const v = parseTimeBytes(buf, i, sp);
        if (Number.isNaN(v)) return false;
        clockTimes[LINE_PRINTED] = v;
      }
      i = sp + 1;
      while (buf[i] === 32) i++;
    } else if (shape.timeBase !== 'none') return false;
    return callFast(buf, start, end, n, tid, i);
  };

  /**
   * skipFast from the call on: the line's tid, its time as printed (NaN: none) and where the call
   * starts are known.
   */
  const callFast = (buf: Uint8Array, start: number, end: number, n: number, tid: number, i: number): boolean => {
    // Decide before advancing the clock: a line read fully advances it itself.
    if (i >= end) return false;
    const b = buf[i];
    let what = SKIP;
    let fd = -1;
    let resumed: Pending | undefined;
    if (b === 60 /* < */) {
      const p = pendingOf(tid);
      resumed = p;
      if (p === undefined && seamPart && !seamDone.has(tid)) return false;
      if (p !== undefined) {
        what = resumedFast(p, tid, buf, i, end);
        if (what < 0) return false;
        if (what === FOLD) {
          const f = p.read?.call === 'close' ? p.read : readFd(headOf(p), 0);
          if (!f) return false;
          fd = f.fd;
          if (!compactor?.canAbsorbClose(tid, fd)) {
            what = CLOSED;
            closeNote = f.note;
          }
        }
        pending.set(tid, null);
      }
    } else if (b === 45 || b === 43) return false;
    else {
      let h = 0;
      let j = i;
      const stop = Math.min(end, i + 32);
      for (; j < stop; j++) {
        const c = buf[j];
        if (c === 40 /* ( */) break;
        h = nameHash(h, c);
      }
      if (j === stop) return false;
      if (!INTERESTING_HASHES.has(h)) {
        if (!shape.fdPaths) noteShape(shape, buf, start, end, j);
      } else {
        if (unfinished(buf, start, end)) return pendFast(buf, start, end, n, tid, i, j, h);
        if (WRITE_HASHES.has(h) && isWriteCall(h, buf, i, j)) {
          if (countWrite(tid, buf, j + 1, end)) what = PARSED;
          else if (writeArgs(buf, j + 1, end)) what = WRITTEN;
          else return false;
        } else if (h === H_CLOSE && bytesAre(buf, i, j, 'close')) {
          fd = closeOk(buf, j + 1, end);
          if (fd < 0) return false;
          what = compactor?.canAbsorbClose(tid, fd) ? FOLD : CLOSED;
          if (what === CLOSED) closeNote = seamPart && scan.noteAt !== -1 ? stringAt(buf, scan.noteAt, scan.noteEnd) : undefined;
        } else if (OPEN_HASHES.has(h) && openFast(h, buf, i, j, end)) what = OPENED;
        else if (h === H_SOCKET && socketFast(buf, i, j, end)) what = SOCKET;
        else if (h === H_CONNECT && connectFast(buf, i, j, end)) what = CONNECTED;
        else if ((h === H_PIPE2 || h === H_PIPE) && pipeFast(h, buf, i, j, end)) what = PIPED;
        else if (h === H_DUP2 && dup2Fast(buf, i, j, end)) what = DUPED;
        else if (FORK_BY_HASH.has(h) && forkFast(h, buf, i, j, end)) what = FORKED;
        else if (h === H_GETSOCKOPT && soErrorFast(buf, i, j, end)) what = SO_ERROR_READ;
        else if (irrelevant(h, buf, i, j, end)) what = PARSED;
        else return false;
      }
    }
    setLineTime(clockTimes[LINE_PRINTED]);
    art.lines++;
    const t = countLine(tid, n);
    if (!shape.durations) noteShape(shape, buf, start, end, -1);
    if (what !== SKIP && what !== FORK_END) art.parsedLines++;
    if (what === FOLD) {
      t.closes++;
      eventTids.add(tid);
      compactor!.absorbClose(tid, fd);
    } else if (what >= OPENED) fastEvent(what, tid, lineTime() ?? (resumed === undefined ? null : resumed.time), n, buf, start, end, fd, resumed);
    return true;
  };

  /** noteShape for a line read as text, so that both paths note the same (paren -1: not looked at). */
  const noteShapeOf = (text: string, paren: number) => {
    const b = Buffer.from(text);
    noteShape(shape, b, 0, b.length, paren < 0 ? -1 : Buffer.byteLength(text.slice(0, paren)));
  };

  const WRITE_HASHES = new Set(WRITE_CALLS.map(hashOf));
  const WRITE_BY_HASH = new Map(WRITE_CALLS.map((name) => [hashOf(name), name]));
  const isWriteCall = (h: number, buf: Uint8Array, i: number, j: number): boolean => {
    const name = WRITE_BY_HASH.get(h);
    return name !== undefined && j - i === name.length && bytesAre(buf, i, j, name);
  };

  /**
   * A write to an fd whose samples are full: count it from the bytes (fd, returned size, whether -s
   * cut its string) without decoding the line. False = read it fully (its first writes are samples,
   * and a -y path not yet known is taken from the text).
   */
  const countWrite = (tid: number, buf: Uint8Array, k: number, end: number): boolean => {
    let fd = 0;
    const at = k;
    while (k < end && isDigit(buf[k])) fd = fd * 10 + (buf[k++] - 48);
    if (k === at) return false;
    const w = writesOf(tid, fd);
    if (w === undefined || w.samples.length < WRITE_SAMPLES) return false;
    if (buf[k] === 60 /* < */ && w.path === undefined) return false;
    // The first string argument, and whether `"..."...` shows -s cut it.
    if (!quotedIn(buf, k, end)) return false;
    const e = scan.quoteEnd;
    const cut = scan.quoteCut;
    // The result after the last ` = `.
    let r = end - 3;
    while (r > e && !(buf[r] === 32 && buf[r + 1] === 61 && buf[r + 2] === 32)) r--;
    if (r <= e) return false;
    let bytes = 0;
    for (let d = r + 3; d < end && isDigit(buf[d]); d++) bytes = bytes * 10 + (buf[d] - 48);
    if (cut) shape.truncatedStrings = true;
    w.count++;
    w.bytes += bytes;
    return true;
  };

  /** fcntl without F_SETFD/F_DUPFD, getsockopt without SO_ERROR: read, and nothing to keep. */
  const irrelevant = (h: number, buf: Uint8Array, i: number, j: number, end: number): boolean => {
    if ((h === H_FCNTL && bytesAre(buf, i, j, 'fcntl')) || (h === H_FCNTL64 && bytesAre(buf, i, j, 'fcntl64'))) {
      return !bytesHave(buf, j, end, 'F_SETFD') && !bytesHave(buf, j, end, 'F_DUPFD');
    }
    if (h === H_GETSOCKOPT && bytesAre(buf, i, j, 'getsockopt')) return !bytesHave(buf, j, end, 'SO_ERROR');
    return false;
  };

  /** `<... NAME resumed>REST` of a pending call: FOLD (a close that returned 0), PARSED, or -1 to read it fully. */
  const resumedFast = (p: Pending, tid: number, buf: Uint8Array, i: number, end: number): number => {
    const nameAt = i + 5;
    const nameEnd = nameAt + p.name.length;
    if (!bytesAre(buf, i, nameAt, '<... ') || !bytesAre(buf, nameEnd, nameEnd + 9, ' resumed>') || !bytesAre(buf, nameAt, nameEnd, p.name)) return -1;
    const rest = nameEnd + 9;
    if (p.fork) return resumedFork(buf, rest, end);
    if (p.name === 'close') return retZero(buf, rest, end) && lastEq(buf, rest, end) ? FOLD : -1;
    if (p.name === 'fcntl' || p.name === 'fcntl64') {
      const head = headOf(p);
      return head.indexOf('F_SETFD') === -1 && head.indexOf('F_DUPFD') === -1 && !bytesHave(buf, rest, end, 'F_SETFD') && !bytesHave(buf, rest, end, 'F_DUPFD') && hasRet(buf, rest, end) ? PARSED : -1;
    }
    if (p.name === 'getsockopt') return headOf(p).indexOf('SO_ERROR') === -1 && !bytesHave(buf, rest, end, 'SO_ERROR') && hasRet(buf, rest, end) ? PARSED : -1;
    if (WRITE_NAMES.has(p.name)) return resumedWrite(p, tid, buf, rest, end) ? PARSED : -1;
    const read = p.read;
    if (read !== undefined) {
      if (read.call === 'open') return resumedOpen(p, read, buf, rest, end);
      if (read.call === 'connect') return resumedConnect(read, buf, rest, end);
      if (read.call === 'accept') return resumedAccept(read, buf, rest, end);
      if (read.call === 'exec') return resumedExec(read, buf, rest, end);
    }
    if (p.name === 'pipe2' || p.name === 'pipe') return resumedPipe(p, buf, rest, end);
    return -1;
  };

  const WRITE_NAMES = new Set(WRITE_CALLS);
  const OPEN_NAMES = new Set(OPEN_CALLS);
  const OPEN_HASHES = new Set(OPEN_CALLS.map(hashOf));

  /**
   * The resumed half of a write to an fd whose samples are full: counted as the write handler
   * would count the rejoined call (the fd and string are in the head, the result in REST).
   */
  const resumedWrite = (p: Pending, tid: number, buf: Uint8Array, rest: number, end: number): boolean => {
    const head = headOf(p);
    const fd = readFd(head, 0);
    if (!fd) return false;
    const w = writesOf(tid, fd.fd);
    if (w === undefined || w.samples.length < WRITE_SAMPLES || (fd.note !== undefined && w.path === undefined)) return false;
    const q = head.indexOf('"', fd.end);
    const quoted = q === -1 ? null : readQuoted(head, q);
    if (!quoted) return false;
    // `) = N`: the last ` = ` of the rejoined call must be in REST, right after `)` and padding.
    if (callEnd(buf, rest, end) < 0) return false;
    let bytes = 0;
    for (let d = scan.retAt; d < end && isDigit(buf[d]); d++) bytes = bytes * 10 + (buf[d] - 48);
    if (quoted.truncated) shape.truncatedStrings = true;
    w.count++;
    w.bytes += bytes;
    return true;
  };

  /** The `) = N` of an open call whose arguments pendFast read: OPENED, or -1 to read it fully. */
  const resumedOpen = (p: Pending, read: PendedArgs & { call: 'open' }, buf: Uint8Array, rest: number, end: number): number => {
    if (buf[rest] !== 41 || callEnd(buf, rest, end) !== rest) return -1;
    const fd = fdResult(buf, scan.retAt, end, shape);
    if (fd === UNREAD) return -1;
    openName = p.name;
    argPath = read.path;
    argCloexec = read.cloexec;
    openFd = fd;
    return OPENED;
  };

  /** An open call complete on its line (`openat(AT_FDCWD, "/a", O_RDONLY) = 5`), read from the bytes. */
  const openFast = (h: number, buf: Uint8Array, i: number, paren: number, end: number): boolean => {
    const name = NAME_BY_HASH.get(h);
    if (name === undefined || !OPEN_NAMES.has(name) || !bytesAre(buf, i, paren, name)) return false;
    const close = callEnd(buf, paren + 1, end);
    if (close < 0 || !openArgs(buf, paren + 1, close)) return false;
    const fd = fdResult(buf, scan.retAt, end, shape);
    if (fd === UNREAD) return false;
    openName = name;
    openFd = fd;
    return true;
  };

  /**
   * The events of a line a byte reader read (`what`: OPENED ... SO_ERROR_READ), as its text handler
   * makes them. A failed call, or a write without a string, makes none: its line is not decoded.
   */
  const fastEvent = (what: number, tid: number, time: number | null, n: number, buf: Uint8Array, start: number, end: number, fd: number, resumed: Pending | undefined) => {
    if (openFd < 0 && (what === OPENED || what === SOCKET || what === ACCEPTED || what === DUPED)) return;
    if (openFd !== 0 && (what === PIPED || what === EXECED)) return;
    if (what === WRITTEN && writeQuote < 0) return;
    owned = true;
    // Every way in (chunk, bytes, a remote batch) decodes what it deferred before it returns.
    deferIn = buf;
    lineStart = start;
    lineEnd = end;
    // Creates and closes keep their text only while they are not folded away: decoded later, if still held.
    const lazy = what === OPENED || what === CLOSED || what === SOCKET || what === ACCEPTED;
    const text = lazy ? DEFERRED : UTF8(buf, start, end);
    const noted = scan.noteAt !== -1;
    switch (what) {
      case OPENED:
        createAt(tid, time, n, text, noted, openFd, openDetail(openName, argPath), argCloexec, noted ? stringAt(buf, scan.noteAt, scan.noteEnd) : argPath);
        break;
      case CLOSED:
        releaseAt(tid, time, n, text, fd, 'close()', closeNote);
        break;
      case SOCKET:
        createAt(tid, time, n, text, noted, openFd, socketKind!.detail, socketKind!.cloexec, noted ? stringAt(buf, scan.noteAt, scan.noteEnd) : '');
        break;
      case WRITTEN:
        recordWrite(tid, time, n, text, writeFd, scan.fdNoteAt === -1 ? undefined : UTF8(buf, scan.fdNoteAt, scan.fdNoteEnd), UTF8(buf, writeQuote + 1, writeQuoteEnd), writeCut, writeBytes);
        break;
      case CONNECTED:
        connected(tid, time, n, text);
        break;
      case PIPED:
        piped(tid, time, n, text);
        break;
      case DUPED:
        duped(tid, time, n, buf, text);
        break;
      case ACCEPTED:
        createAt(tid, time, n, text, noted, openFd, acceptDetail, false, noted ? UTF8(buf, scan.noteAt, scan.noteEnd) : '');
        break;
      case EXECED:
        push({ kind: 'exec', time, tid, fd: -1, detail: I(`execve("${execPath}")`), line: n }, text);
        break;
      case FORKED:
        forkEndWith(forkStartWith(tid, time, n, forkName, forkBits, text), openFd, n, text);
        break;
      case FORK_END:
        forkEndWith(resumed!.fork!, openFd, n, text);
        break;
      case SO_ERROR_READ: {
        const kind = soErrorKindOf(soError);
        if (soError !== '0') thread(tid, n).failedConnects++;
        push({ kind: 'connect', time, tid, fd: soErrorFd, detail: kind.detail, line: n }, text, kind.group);
        break;
      }
    }
    owned = false;
  };

  // What the byte readers below found (small integers, strings and booleans: no allocation).
  let closeNote: string | undefined;
  let socketKind: { detail: string; cloexec: boolean } | undefined;
  let argPath = '';
  let argCloexec = false;
  let openName = '';
  let openFd = -1;

  /**
   * The arguments of an open call, buf[from, to): its first quoted string (the path) and whether
   * the flags after it have O_CLOEXEC, as the text handler reads them. false: no string, or one
   * with escapes (read as text).
   */
  const openArgs = (buf: Uint8Array, from: number, to: number): boolean => {
    let q = from;
    while (q < to && buf[q] !== 34 /* " */) q++;
    if (q === to) return false;
    let e = q + 1;
    for (; e < to && buf[e] !== 34; e++) if (buf[e] === 92 /* \ */) return false;
    if (e === to) return false;
    const cut = e + 4 <= to && buf[e + 1] === 46 && buf[e + 2] === 46 && buf[e + 3] === 46;
    argPath = stringAt(buf, q + 1, e);
    argCloexec = bytesHave(buf, cut ? e + 4 : e + 1, to, 'O_CLOEXEC');
    return true;
  };

  // What writeArgs read: the fd, the string (writeQuote -1: none), the size.
  let writeFd = -1;
  let writeQuote = -1;
  let writeQuoteEnd = -1;
  let writeCut = false;
  let writeBytes = 0;

  /**
   * A write read from the bytes (`write(3</var/log/a.log>, "text"..., 120) = 120`) as the text
   * handler reads it; false: another shape (read as text). buf[k, end) is the line after the paren.
   */
  const writeArgs = (buf: Uint8Array, k: number, end: number): boolean => {
    const close = callEnd(buf, k, end);
    if (close < 0) return false;
    const ret = fdResult(buf, scan.retAt, end, shape);
    if (ret === UNREAD) return false;
    writeBytes = ret >= 0 ? ret : 0;
    writeQuote = -1;
    const fd = fdAt(buf, k, close);
    // No fd: the text handler records nothing either.
    if (fd === NO_FD) return true;
    if (fd < 0) return false;
    writeFd = fd;
    if (!quotedIn(buf, scan.fdEnd, close)) return true;
    writeQuote = scan.quoteAt;
    writeQuoteEnd = scan.quoteEnd;
    writeCut = scan.quoteCut;
    return true;
  };

  // What connectArgs read.
  let connectFd = -1;
  let connectAddr = '';
  /** `FD, ADDRESS, LEN` of a connect, buf[from, close): the socket and the address's text. */
  const connectArgs = (buf: Uint8Array, from: number, close: number): boolean => {
    const fd = fdAt(buf, from, close);
    if (fd < 0) return false;
    const found = argAt(buf, from, close, 1);
    if (found < 0) return false;
    connectFd = fd;
    connectAddr = found === 0 ? '' : stringAt(buf, scan.argFrom, scan.argTo);
    return true;
  };
  /** `connect(...) = 0` or `= -1 ERRNO (...)`, complete on its line. */
  const connectFast = (buf: Uint8Array, i: number, paren: number, end: number): boolean => {
    if (!bytesAre(buf, i, paren, 'connect')) return false;
    const close = callEnd(buf, paren + 1, end);
    return close >= 0 && connectArgs(buf, paren + 1, close) && connectResult(buf, end);
  };
  /** The `) = RESULT` of a connect whose arguments pendFast read: CONNECTED, or -1 to read it fully. */
  const resumedConnect = (read: PendedArgs & { call: 'connect' }, buf: Uint8Array, rest: number, end: number): number => {
    if (buf[rest] !== 41 || callEnd(buf, rest, end) !== rest || !connectResult(buf, end)) return -1;
    connectFd = read.fd;
    connectAddr = read.addr;
    return CONNECTED;
  };

  // What resumedAccept and resumedExec read.
  let acceptDetail = '';
  let execPath = '';
  /** `<... accept resumed>ADDR, LEN) = N`: the socket accepted (openFd; scan.noteAt its annotation). */
  const resumedAccept = (read: PendedArgs & { call: 'accept' }, buf: Uint8Array, rest: number, end: number): number => {
    if (callEnd(buf, rest, end) < 0) return -1;
    const fd = fdResult(buf, scan.retAt, end, shape);
    if (fd === UNREAD) return -1;
    openFd = fd;
    acceptDetail = read.detail;
    return ACCEPTED;
  };
  /** `<... execve resumed>) = 0`. */
  const resumedExec = (read: PendedArgs & { call: 'exec' }, buf: Uint8Array, rest: number, end: number): number => {
    if (buf[rest] !== 41 || callEnd(buf, rest, end) !== rest) return -1;
    const r = fdResult(buf, scan.retAt, end, shape);
    if (r === UNREAD) return -1;
    openFd = r;
    execPath = read.path;
    return EXECED;
  };

  /** The arguments of an unfinished call, buf[from, to), that its resumption needs (see PendedArgs). */
  const pendedArgs = (name: string, buf: Uint8Array, from: number, to: number): PendedArgs | undefined => {
    if (OPEN_NAMES.has(name)) return openArgs(buf, from, to) ? { call: 'open', path: argPath, cloexec: argCloexec } : undefined;
    if (name === 'connect') return connectArgs(buf, from, to) ? { call: 'connect', fd: connectFd, addr: connectAddr } : undefined;
    if (name === 'accept') {
      // The listening socket, by its annotation if it has one (accept4's flags come after: text).
      const fd = fdAt(buf, from, to);
      // The annotation must end inside the head (the text path would read on into the resumption).
      if (fd < 0 || scan.fdEnd >= to || buf[scan.fdEnd] === 60) return undefined;
      const note = scan.fdNoteAt === -1 ? String(fd) : UTF8(buf, scan.fdNoteAt, scan.fdNoteEnd);
      return { call: 'accept', detail: I(`accept(${note})`) };
    }
    if (name === 'execve') return openArgs(buf, from, to) ? { call: 'exec', path: argPath } : undefined;
    if (name === 'close') {
      // readFd's rule on the head; more than 9 digits: the text path reads it.
      const fd = fdAt(buf, from, to);
      if (fd < 0) return undefined;
      return { call: 'close', fd, note: seamPart && scan.fdNoteAt !== -1 ? stringAt(buf, scan.fdNoteAt, scan.fdNoteEnd) : undefined };
    }
    return undefined;
  };
  /** The result after callEnd: connectRet (-1: connectErr) . false: another shape (read as text). */
  let connectRet = 0;
  let connectErr = '';
  const connectResult = (buf: Uint8Array, end: number): boolean => {
    const r = fdResult(buf, scan.retAt, end, shape);
    if (r === UNREAD) return false;
    connectRet = r;
    if (r === -1) connectErr = stringAt(buf, scan.errAt, scan.errEnd);
    return true;
  };
  /** A connect's detail and result group, per address text and result. */
  const connectKinds = new Map<string, Map<string, { detail: string; group: string }>>();
  /** The connect event of connectFast or resumedConnect, as the text handler makes it. */
  const connected = (tid: number, time: number | null, n: number, text: string) => {
    const result = connectRet === -1 ? `-1 ${connectErr}` : String(connectRet);
    if (connectRet === -1 && connectErr !== 'EINPROGRESS' && connectErr !== 'EINTR') thread(tid, n).failedConnects++;
    let byResult = connectKinds.get(connectAddr);
    if (byResult === undefined) {
      byResult = new Map();
      if (connectKinds.size < 4096) connectKinds.set(connectAddr, byResult);
    }
    let kind = byResult.get(result);
    if (kind === undefined) {
      kind = { detail: I(`connect(${sockaddrOf(connectAddr)}) = ${result}`), group: I(`n:${result}`) };
      if (byResult.size < 64) byResult.set(result, kind);
    }
    push({ kind: 'connect', time, tid, fd: connectFd, detail: kind.detail, line: n }, text, kind.group);
  };

  // What pipeArgs read: the two fds and the first one's annotation.
  let pipeFds0 = -1;
  let pipeFds1 = -1;
  let pipeCloexec = false;
  let pipeNote = '';
  /**
   * `[R, W], FLAGS` of pipe/pipe2, buf[from, close), read as readFdPair and splitArgs read the
   * text; `flags`: the call takes them (pipe2). false: another shape.
   */
  const pipeArgs = (buf: Uint8Array, from: number, close: number, flags: boolean): boolean => {
    if (buf[from] !== 91 /* [ */) return false;
    const a = fdAt(buf, from + 1, close);
    if (a < 0) return false;
    pipeNote = scan.fdNoteAt === -1 ? '' : UTF8(buf, scan.fdNoteAt, scan.fdNoteEnd);
    let k = scan.fdEnd;
    while (buf[k] === 44 || buf[k] === 32) k++;
    const b = fdAt(buf, k, close);
    if (b < 0 || buf[scan.fdEnd] !== 93 /* ] */) return false;
    pipeFds0 = a;
    pipeFds1 = b;
    if (!flags) pipeCloexec = false;
    else {
      const found = argAt(buf, from, close, 1);
      if (found < 0) return false;
      pipeCloexec = found === 1 && bytesHave(buf, scan.argFrom, scan.argTo, 'CLOEXEC');
    }
    return true;
  };
  let pipeName = '';
  /** `pipe2([R, W], FLAGS) = 0` complete on its line (or pipe). */
  const pipeFast = (h: number, buf: Uint8Array, i: number, paren: number, end: number): boolean => {
    const name = h === H_PIPE2 ? 'pipe2' : 'pipe';
    if (!bytesAre(buf, i, paren, name)) return false;
    const close = callEnd(buf, paren + 1, end);
    if (close < 0) return false;
    const r = fdResult(buf, scan.retAt, end, shape);
    if (r === UNREAD) return false;
    pipeName = name;
    // Only a pipe that was made has its fds read (the text handler stops at the result).
    openFd = r;
    return r !== 0 || pipeArgs(buf, paren + 1, close, name === 'pipe2');
  };
  /** `<... pipe2 resumed>[R, W], FLAGS) = 0` of a pipe2 whose head is empty. */
  const resumedPipe = (p: Pending, buf: Uint8Array, rest: number, end: number): number => {
    if (headOf(p) !== '') return -1;
    const close = callEnd(buf, rest, end);
    if (close < 0) return -1;
    const r = fdResult(buf, scan.retAt, end, shape);
    if (r === UNREAD || (r === 0 && !pipeArgs(buf, rest, close, p.name === 'pipe2'))) return -1;
    pipeName = p.name;
    openFd = r;
    return PIPED;
  };
  /** The two creates of a pipe read by pipeFast or resumedPipe. */
  const piped = (tid: number, time: number | null, n: number, text: string) => {
    const detail = pipeName === 'pipe2' ? 'pipe2()' : 'pipe()';
    createAt(tid, time, n, text, scan.noteAt !== -1, pipeFds0, detail, pipeCloexec, pipeNote);
    createAt(tid, time, n, text, scan.noteAt !== -1, pipeFds1, detail, pipeCloexec, pipeNote);
  };

  // What dup2Fast read: the old fd and the target, and the result's annotation.
  let dupOld = -1;
  let dupOldNote: string | undefined;
  let dupTarget = -1;
  /** `dup2(OLD, NEW) = NEW` complete on its line. */
  const dup2Fast = (buf: Uint8Array, i: number, paren: number, end: number): boolean => {
    if (!bytesAre(buf, i, paren, 'dup2')) return false;
    const close = callEnd(buf, paren + 1, end);
    if (close < 0) return false;
    const r = fdResult(buf, scan.retAt, end, shape);
    if (r === UNREAD) return false;
    openFd = r;
    if (r < 0) return true;
    const old = fdAt(buf, paren + 1, close);
    if (old < 0) return false;
    dupOld = old;
    dupOldNote = scan.fdNoteAt === -1 ? undefined : UTF8(buf, scan.fdNoteAt, scan.fdNoteEnd);
    const found = argAt(buf, paren + 1, close, 1);
    if (found < 0) return false;
    dupTarget = found === 0 ? NO_FD : fdAt(buf, scan.argFrom, scan.argTo);
    return dupTarget !== UNREAD;
  };
  /** What the text handler does for dup2: the target, if open and another fd, is released first. */
  const duped = (tid: number, time: number | null, n: number, buf: Uint8Array, text: string) => {
    const resultNote = scan.noteAt === -1 ? undefined : stringAt(buf, scan.noteAt, scan.noteEnd);
    if (dupTarget >= 0 && dupTarget !== dupOld) releaseAt(tid, time, n, text, dupTarget, `dup2 over fd ${dupTarget}`);
    createAt(tid, time, n, text, scan.noteAt !== -1, openFd, `dup2(${dupOld})`, false, resultNote ?? dupOldNote ?? '');
  };

  /** forkStart's flags, from the arguments buf[from, to) of a clone or clone3 (0 for fork, vfork). */
  const cloneBits = (name: string, buf: Uint8Array, from: number, to: number): number => {
    if (name !== 'clone' && name !== 'clone3') return 0;
    let at = from;
    while (at < to && !(buf[at] === 102 /* f */ && bytesAre(buf, at, Math.min(at + 6, to), 'flags='))) at++;
    if (at === to) return 0;
    let comma = at;
    while (comma < to && buf[comma] !== 44) comma++;
    return (bytesHave(buf, at, comma, 'CLONE_THREAD') ? CLONE_THREAD : 0) | (bytesHave(buf, at, comma, 'CLONE_FILES') ? CLONE_FILES : 0) | (bytesHave(buf, at, comma, 'CLONE_VFORK') ? CLONE_VFORK : 0);
  };
  // What forkFast read.
  let forkName = '';
  let forkBits = 0;
  /** A clone, fork or vfork complete on its line (`clone(...) = 5487`). */
  const forkFast = (h: number, buf: Uint8Array, i: number, paren: number, end: number): boolean => {
    const name = FORK_BY_HASH.get(h);
    if (name === undefined || !bytesAre(buf, i, paren, name)) return false;
    const close = callEnd(buf, paren + 1, end);
    if (close < 0) return false;
    const r = fdResult(buf, scan.retAt, end, shape);
    if (r === UNREAD) return false;
    forkName = name;
    forkBits = cloneBits(name, buf, paren + 1, close);
    openFd = r;
    return true;
  };
  /** `<... clone3 resumed>) = CHILD` of a fork event pendFast made: FORK_END, or -1 to read it as text. */
  const resumedFork = (buf: Uint8Array, rest: number, end: number): number => {
    if (callEnd(buf, rest, end) < 0) return -1;
    const r = fdResult(buf, scan.retAt, end, shape);
    if (r === UNREAD) return -1;
    openFd = r;
    return FORK_END;
  };
  const FORK_BY_HASH = new Map(FORK_CALLS.map((name) => [hashOf(name), name]));

  // What soErrorFast read.
  let soErrorFd = -1;
  let soError = '';
  /** The connect-like event's detail and result group, per SO_ERROR value. */
  const soErrorKindOf = memo((value) => {
    const err = value === '0' ? 'OK' : value;
    return { detail: I(`SO_ERROR ${err}`), group: I(`n:${err}`) };
  }, 256);
  /** `getsockopt(FD, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0`, read as the text handler's pattern reads it. */
  const soErrorFast = (buf: Uint8Array, i: number, paren: number, end: number): boolean => {
    if (!bytesAre(buf, i, paren, 'getsockopt')) return false;
    const close = callEnd(buf, paren + 1, end);
    if (close < 0) return false;
    const fd = fdAt(buf, paren + 1, close);
    if (fd < 0) return false;
    // The first `SO_ERROR, [` followed by capitals or digits and `]` (the handler's /SO_ERROR, \[([A-Z0-9]+)\]/).
    for (let at = paren + 1; at + 11 < close; at++) {
      if (buf[at] !== 83 /* S */ || !bytesAre(buf, at, at + 11, 'SO_ERROR, [')) continue;
      let e = at + 11;
      while (e < close && ((buf[e] >= 65 && buf[e] <= 90) || isDigit(buf[e]))) e++;
      if (e === at + 11 || buf[e] !== 93 /* ] */) continue;
      soErrorFd = fd;
      soError = stringAt(buf, at + 11, e);
      return true;
    }
    return false;
  };

  /** A socket call's detail and close-on-exec, from the text of its first two arguments. */
  const socketKindOf = memo((key) => {
    const a = splitArgs(key);
    const type = a[1] ?? '?';
    return { detail: I(`socket(${a[0]}, ${socketType(type)})`), cloexec: flagsHave(type, 'SOCK_CLOEXEC') };
  });

  /** `socket(DOMAIN, TYPE, PROTOCOL) = N`, read from the bytes as the text handler reads it. */
  const socketFast = (buf: Uint8Array, i: number, paren: number, end: number): boolean => {
    if (!bytesAre(buf, i, paren, 'socket')) return false;
    const close = callEnd(buf, paren + 1, end);
    if (close < 0) return false;
    const fd = fdResult(buf, scan.retAt, end, shape);
    if (fd === UNREAD) return false;
    // The domain and the type: the text up to the end of the second argument.
    const found = argAt(buf, paren + 1, close, 1);
    if (found < 0) return false;
    socketKind = socketKindOf(stringAt(buf, paren + 1, found === 1 ? scan.argTo : close));
    openFd = fd;
    return true;
  };

  /** Strings read from the bytes, cached by content: paths and annotations repeat all the time. */
  const byteStrings = new Map<number, string>();
  const stringAt = (buf: Uint8Array, from: number, to: number): string => {
    let h = to - from;
    let plain = true;
    for (let k = from; k < to; k++) {
      const c = buf[k];
      h = nameHash(h, c);
      // Non-ASCII text is not compared byte for byte; socket and pipe inodes never repeat.
      if (c > 127 || (c === 91 && buf[k - 1] === 58)) plain = false;
    }
    if (!plain) return UTF8(buf, from, to);
    const seen = byteStrings.get(h);
    if (seen !== undefined && bytesAre(buf, from, to, seen)) return seen;
    const own = UTF8(buf, from, to);
    if (seen === undefined && byteStrings.size < 50000) byteStrings.set(h, own);
    return own;
  };

  const headOf = (p: Pending): string =>
    (p.head ??= p.text === DEFERRED ? UTF8(deferIn!, p.at! + p.headAt, p.end! - UNFINISHED_BYTES.length) : p.text.slice(p.headAt, p.text.length - UNFINISHED.length));

  /** Call names of the handlers, by hash (checked against the bytes: two names may share one). */
  const NAME_BY_HASH = new Map([...handlers.keys()].map((name) => [hashOf(name), name]));

  /**
   * An unfinished call (not a fork) read from the bytes: held as lineFn holds it, its head sliced
   * only when the resumed half needs it.
   */
  const pendFast = (buf: Uint8Array, start: number, end: number, n: number, tid: number, i: number, paren: number, h: number): boolean => {
    let name = NAME_BY_HASH.get(h);
    let isFork = false;
    if (name === undefined || !bytesAre(buf, i, paren, name)) {
      name = FORK_BY_HASH.get(h);
      if (name === undefined || !bytesAre(buf, i, paren, name)) return false;
      isFork = true;
    }
    setLineTime(clockTimes[LINE_PRINTED]);
    art.lines++;
    countLine(tid, n);
    const time = lineTime();
    // Most unfinished calls resume a few lines on, and read what they need from the bytes: the line
    // is decoded only if the call is still pending once the buffer is read (or its head is needed).
    const text = isFork ? UTF8(buf, start, end) : DEFERRED;
    const headEnd = end - UNFINISHED_BYTES.length;
    // As lineFn: a fork's event is made at its start, before what the thread had pending is let go.
    let fork: FdEvent | undefined;
    if (isFork) {
      art.parsedLines++;
      owned = true;
      fork = forkStartWith(tid, time, n, name, cloneBits(name, buf, paren + 1, headEnd), text);
      owned = false;
    }
    const before = pendingOf(tid);
    if (before?.fork) compactor?.resolved(before.fork);
    const p: Pending = { name, head: undefined, headAt: paren + 1 - start, line: n, time, text, read: isFork ? undefined : pendedArgs(name, buf, paren + 1, headEnd), at: start, end };
    if (fork !== undefined) p.fork = fork;
    if (text === DEFERRED) {
      deferIn = buf;
      deferredPending.push(p);
      deferredPendingTid.push(tid);
    }
    pend(tid, p);
    if (seamPart) seamDone.add(tid);
    return true;
  };

  /** The WebAssembly prescan (prescan.ts), or null: every line is read here. */
  const prescanCalls = { interesting: [...INTERESTING_HASHES], writes: WRITE_CALLS.map((name) => ({ hash: hashOf(name), name })) };
  const pre = loadPrescan(prescanCalls.interesting, prescanCalls.writes);
  /** The shape the prescan assumes is known, and cannot change any more. */
  const settled = (): boolean => firstLineSeen && shape.pidPrefix === 'column' && shape.timeBase === 'clock' && shape.fdPaths && shape.durations;
  const sinkId = {};
  /**
   * This sink holds the prescan (its counts are merged in end()); the first sink to read chunks in the
   * settled shape takes it, and hands it the writes whose samples are full.
   */
  const holdsPrescan = (): boolean => pre !== null && (pre.owner === sinkId || takePrescan());
  /** Takes the prescan if no other sink holds it (its tables start from what this sink knows). */
  const takePrescan = (): boolean => {
    if (pre === null || fileTid !== undefined || pre.owner !== null) return false;
    pre.owner = sinkId;
    pre.reset();
    pre.setSeam(seamPart);
    for (const tid of pendingTids()) pre.markPending(tid);
    for (const w of writeList) if (w.samples.length === WRITE_SAMPLES && pre.countPair(w.tid, w.fd, w.path !== undefined)) countedByPrescan.add(w);
    return true;
  };
  /** The prescan's counts, into the sink's; it is let go. */
  const mergePrescanned = () => {
    if (pre === null || pre.owner !== sinkId) return;
    mergeCounts(pre.result());
    pre.owner = null;
  };
  /** A prescan's counts (this thread's or a remote one's), into the sink's (by line number: whichever came first or last). */
  const mergeCounts = (r: PrescanResult) => {
    const [firstTaken, lastTaken] = r.takenLines;
    if (firstTaken >= 0 && (Number.isNaN(clockTimes[FIRST_TIME]) || firstTaken < clockTimes[FIRST_LINE])) {
      clockTimes[FIRST_TIME] = r.firstTime;
      clockTimes[FIRST_LINE] = firstTaken;
    }
    if (lastTaken >= 0 && (Number.isNaN(clockTimes[LAST_TIME]) || lastTaken > clockTimes[LAST_LINE])) {
      clockTimes[LAST_TIME] = r.lastTime;
      clockTimes[LAST_LINE] = lastTaken;
    }
    for (const w of r.threads) {
      // A thread only the prescan saw is made as the sink makes one, at its first line.
      const t = thread(w.tid, w.firstLine);
      art.lines += w.lines;
      t.lines += w.lines;
      t.firstLine = Math.min(t.firstLine, w.firstLine);
      if (t.firstTimed < 0 || w.firstLine < t.firstTimed) {
        t.firstTime = w.firstTime;
        t.firstTimed = w.firstLine;
      }
      if (w.lastLine > t.lastTimed) {
        t.lastTime = w.lastTime;
        t.lastTimed = w.lastLine;
      }
    }
    for (const c of r.writes) {
      const w = writesOf(c.tid, c.fd)!;
      w.count += c.count;
      w.bytes += c.bytes;
    }
    art.parsedLines += r.counted;
    if (r.truncated) shape.truncatedStrings = true;
  };

  const chunk = (buf: Uint8Array, from: number, to: number, firstLine: number, stats: ReadStats) => {
    if (pre === null || fileTid !== undefined || (pre.owner !== null && pre.owner !== sinkId)) {
      readLines(buf, from, to, firstLine, stats);
      return;
    }
    // Line by line until the shape the prescan assumes is known (the first lines of a capture).
    readLines(buf, from, to, firstLine, stats, prescanReady);
    if (stopped.pos < to && !prescanChunk(buf, stopped.pos, to, stopped.n, stats)) readLines(buf, stopped.pos, to, stopped.n, stats);
  };
  /** chunk(), and its deferred texts decoded (the caller reads into buf again). */
  const readChunk = (buf: Uint8Array, from: number, to: number, firstLine: number, stats: ReadStats) => {
    chunk(buf, from, to, firstLine, stats);
    decodeDeferred();
  };
  const prescanReady = (): boolean => settled() && holdsPrescan();

  /**
   * pendFast for the `<unfinished ...>` line of a write the prescan held (listed entry k, flag 2: the
   * line is in `mem`), once the line is counted (the prescan counted it): the thread's next line is
   * the sink's to read.
   */
  const pendHeld = (listed: Int32Array, listedClock: Float64Array, mem: Uint8Array, k: number) => {
    const at = k * LISTED.ints;
    const start = listed[at + LISTED.start];
    const end = listed[at + LISTED.end];
    // A held write's tid and time are in place of its clock.
    const tid = listedClock[k * LISTED.floats + LISTED.day];
    let i = start;
    while (isDigit(mem[i])) i++;
    while (mem[i] === 32) i++;
    i += 16;
    while (mem[i] === 32) i++;
    let paren = i;
    while (mem[paren] !== 40) paren++;
    const name = String.fromCharCode(...mem.subarray(i, paren));
    pend(tid, { name, head: undefined, headAt: paren + 1 - start, line: listed[at + LISTED.line], time: listedClock[k * LISTED.floats + LISTED.clock], text: UTF8(mem, start, end), read: undefined });
    if (seamPart) seamDone.add(tid);
  };
  const pendingTids = (): number[] => {
    const out: number[] = [];
    for (const [tid, p] of pending) if (p !== null) out.push(tid);
    return out;
  };
  /** The writes the prescan holds are pended here (before this sink reads lines itself, or ends). */
  const releaseHeld = () => {
    if (pre === null || pre.owner !== sinkId) return;
    const count = pre.handBackHeld();
    for (let k = 0; k < count; k++) pendHeld(pre.listed, pre.listedClock, pre.memory, k);
  };

  /**
   * Reads the `count` lines a prescan listed (see LISTED): line k is buf[shift + start, shift + end),
   * read with the clock as it stood before it, from where the prescan found its call (it read its tid
   * and time as skipFast does); a held write's line is in `mem`. Returns whether the last is a stop
   * (past it the clock is the sink's).
   */
  const readListed = (buf: Uint8Array, shift: number, listed: Int32Array, listedClock: Float64Array, mem: Uint8Array, count: number): boolean => {
    let stopped = false;
    for (let k = 0; k < count; k++) {
      const at = k * LISTED.ints;
      const flag = listed[at + LISTED.flag];
      if (flag === 2) {
        pendHeld(listed, listedClock, mem, k);
        continue;
      }
      // The CR before its LF is counted by the prescan.
      const start = shift + listed[at + LISTED.start];
      let end = shift + listed[at + LISTED.end];
      if (end > start && buf[end - 1] === 13) end--;
      const f = k * LISTED.floats;
      clockTimes[LAST_CLOCK] = listedClock[f + LISTED.clock];
      clockTimes[CLOCK_DAY] = listedClock[f + LISTED.day];
      const n = listed[at + LISTED.line];
      const callAt = listed[at + LISTED.callAt];
      if (flag === 0 && callAt >= 0) {
        clockTimes[LINE_PRINTED] = listedClock[f + LISTED.printed];
        if (!callFast(buf, start, end, n, listed[at + LISTED.tid], shift + callAt)) decodeLine(buf, start, end, n);
      } else bytes(buf, start, end, n);
      stopped = flag === 1;
    }
    return stopped;
  };

  /** chunk() through the prescan; false: the chunk does not fit in it. */
  const prescanChunk = (buf: Uint8Array, from: number, to: number, firstLine: number, stats: ReadStats): boolean => {
    const p = pre!;
    // The chunk is at [off, off + to - from) in the prescan's input: buf[i] is input[i - shift].
    const off = p.load(buf, from, to);
    if (off < 0) {
      releaseHeld();
      return false;
    }
    const shift = from - off;
    const { clock, listed, listedClock } = p;
    p.setLine(firstLine);
    for (let at = off; at < to - shift;) {
      clock[0] = clockTimes[LAST_CLOCK];
      clock[1] = clockTimes[CLOCK_DAY];
      const stopped = readListed(buf, shift, listed, listedClock, p.memory, p.scan(at, to - shift));
      // Past a stop the clock is the sink's; else the prescan moved it on to its last line.
      if (!stopped) {
        clockTimes[LAST_CLOCK] = clock[0];
        clockTimes[CLOCK_DAY] = clock[1];
      }
      at = p.next();
    }
    stats.crlf += p.crlf();
    stats.lines += p.line() - firstLine;
    return true;
  };

  /** Where readLines() stopped: the next line's offset and number. */
  const stopped = { pos: 0, n: 0 };
  /** Reads the lines of buf[from, to) one by one, to `to` or to the first line before which `until()` holds. */
  const readLines = (buf: Uint8Array, from: number, to: number, firstLine: number, stats: ReadStats, until?: () => boolean) => {
    let n = firstLine;
    let pos = from;
    for (; pos < to && (until === undefined || !until()); n++) {
      let nl = buf.indexOf(10, pos);
      if (nl === -1 || nl >= to) nl = to;
      let end = nl;
      if (end > pos && buf[end - 1] === 13) {
        end--;
        stats.crlf++;
      }
      bytes(buf, pos, end, n);
      pos = nl + 1;
    }
    stats.lines += n - firstLine;
    stopped.pos = pos;
    stopped.n = n;
  };

  const bytes = (buf: Uint8Array, start: number, end: number, n: number) => {
    if (!skipFast(buf, start, end, n)) decodeLine(buf, start, end, n);
  };

  const decodeLine = (buf: Uint8Array, start: number, end: number, n: number) => {
    const text = UTF8(buf, start, end);
    owned = true;
    try {
      lineFn(text, n);
    } catch (e) {
      ctx.warn(n, `strace line not understood (${(e as Error).message}): ${text.slice(0, 80)}`);
    } finally {
      owned = false;
    }
  };

  const lineFn = (text: string, n: number) => {
    art.lines++;
    let i = 0;
    let tid = fileTid ?? 0;
    const c0 = text.charCodeAt(0);
    if (c0 === 91 /* [ */ && text.startsWith('[pid', 0)) {
      let j = 4;
      while (text.charCodeAt(j) === 32) j++;
      const [v, e] = readUint(text, j);
      if (v < 0 || text.charCodeAt(e) !== 93) return;
      tid = v;
      i = e + 1;
      if (shape.pidPrefix === 'none') shape.pidPrefix = 'bracket';
    } else if (isDigit(c0)) {
      const [v, e] = readUint(text, 0);
      if (text.charCodeAt(e) === 32) {
        tid = v;
        i = e;
        if (shape.pidPrefix === 'none' && fileTid === undefined) shape.pidPrefix = 'column';
      }
    } else if (c0 === 115 /* s */ && text.startsWith('strace: ')) {
      const m = /^strace: Process (\d+) attached/.exec(text);
      if (m) art.attached.push(Number(m[1]));
      return;
    } else if (text === '') return;
    while (text.charCodeAt(i) === 32) i++;
    // Time column.
    let time: number | null = null;
    if (isDigit(text.charCodeAt(i))) {
      const sp = text.indexOf(' ', i);
      if (sp === -1) return;
      const v = parseTimeToken(text, i, sp);
      if (Number.isNaN(v)) return;
      // The first line with a time tells the time column's kind (not merely the first line: a part
      // of a file may begin on a cut or garbled one).
      if (shape.timeBase === 'none') {
        shape.timeBase = text.indexOf(':', i) < sp && text.indexOf(':', i) !== -1 ? 'clock' : v > 1e8 ? 'epoch' : 'relative';
      }
      time = advance(v);
      i = sp + 1;
      while (text.charCodeAt(i) === 32) i++;
    }
    if (!firstLineSeen) {
      firstLineSeen = true;
      if (fileTid !== undefined) shape.pidPrefix = 'file-suffix';
    }
    const t = count(tid, time, n);
    if (!shape.durations) noteShapeOf(text, -1);
    const b = text.charCodeAt(i);
    if (b === 60 /* < */) {
      // <... NAME resumed>REST
      if (!text.startsWith('<... ', i)) return;
      const end = text.indexOf(' resumed>', i + 5);
      if (end === -1) return;
      const name = text.slice(i + 5, end);
      const p = pendingOf(tid);
      if (seamPart && !p && !seamDone.has(tid)) {
        seamDone.add(tid);
        if (handlers.has(name) || FORK_CALLS.includes(name)) orphans.push({ tid, name, line: n, text: keep(text), time, fork: FORK_CALLS.includes(name) });
      }
      if (p === undefined) return;
      pending.set(tid, null);
      // A thread has one call in flight: the resumption of another one means this one's was lost.
      if (p.name !== name) {
        if (p.fork) compactor?.resolved(p.fork);
        return;
      }
      const rest = text.slice(end + 9);
      if (p.fork) {
        const sr = splitRet(rest.startsWith(')') ? ' ' + rest : rest);
        if (sr) forkEnd(p.fork, sr[1], n, text);
        else compactor?.resolved(p.fork);
        return;
      }
      dispatch(tid, time ?? p.time, n, text, name, headOf(p) + rest);
      return;
    }
    if (b === 45 /* - */) {
      if (!text.startsWith('--- SIG', i)) return;
      const sp = text.indexOf(' ', i + 4);
      const sig = text.slice(i + 4, sp === -1 ? undefined : sp);
      t.signals[sig] = (t.signals[sig] ?? 0) + 1;
      return;
    }
    if (b === 43 /* + */) {
      if (!text.startsWith('+++ ', i)) return;
      push({ kind: 'exit', time, tid, fd: -1, detail: I(text.slice(i + 4, text.lastIndexOf(' +++')).trim()), line: n }, text);
      return;
    }
    const paren = text.indexOf('(', i);
    if (paren === -1) return;
    const name = text.slice(i, paren);
    if (!handlers.has(name) && !FORK_CALLS.includes(name)) {
      if (!shape.fdPaths) noteShapeOf(text, paren);
      return;
    }
    if (text.endsWith(UNFINISHED)) {
      const head = text.slice(paren + 1, text.length - UNFINISHED.length);
      const p: Pending = { name, head, headAt: paren + 1, line: n, time, text, read: undefined };
      if (FORK_CALLS.includes(name)) {
        art.parsedLines++;
        p.fork = forkStart(tid, time, n, name, head, text);
      }
      const before = pendingOf(tid);
      if (before?.fork) compactor?.resolved(before.fork);
      pend(tid, p);
      if (seamPart) seamDone.add(tid);
      return;
    }
    dispatch(tid, time, n, text, name, text.slice(paren + 1));
  };

  return {
    held: () => events.length - nulls,
    seam() {
      releaseHeld();
      const calls: SeamCall[] = [];
      for (const [tid, p] of pending) if (p !== null) calls.push({ tid, name: p.name, line: p.line, text: keep(p.text), time: p.time, fork: p.fork !== undefined });
      return { pending: calls, orphans, settled: [...seamDone] };
    },
    line(text, n) {
      releaseHeld();
      try {
        lineFn(text, n);
      } catch (e) {
        ctx.warn(n, `strace line not understood (${(e as Error).message}): ${text.slice(0, 80)}`);
      }
    },
    bytes: (buf, start, end, n) => {
      releaseHeld();
      bytes(buf, start, end, n);
      decodeDeferred();
    },
    chunk: readChunk,
    readBuffers: () => (holdsPrescan() ? pre!.inputs : undefined),
    handOff() {
      if (!prescanReady() || seamPart || opts.firstPart === true) return null;
      releaseHeld();
      mergePrescanned();
      remotePairs = [];
      for (const w of writeList) if (w.samples.length === WRITE_SAMPLES) remotePairs.push(w.tid, w.fd, w.path !== undefined ? 1 : 0);
      return {
        calls: prescanCalls,
        read(buf, listed, listedClock, count) {
          readListed(buf, 0, listed, listedClock, buf, count);
          decodeDeferred();
        },
        setClock(last, day) {
          clockTimes[LAST_CLOCK] = last;
          clockTimes[CLOCK_DAY] = day;
        },
        clock: () => [clockTimes[LAST_CLOCK], clockTimes[CLOCK_DAY]],
        pendingTids,
        readRaw(buf, from, to, firstLine, stats) {
          readLines(buf, from, to, firstLine, stats);
          decodeDeferred();
        },
        newPairs() {
          const out = remotePairs!;
          remotePairs = [];
          return out;
        },
        done: mergeCounts,
      };
    },
    end() {
      releaseHeld();
      mergePrescanned();
      compactor?.finish({ cutForks: opts.firstPart === true });
      art.eventTids = [...eventTids];
      art.events = nulls === 0 ? (events as FdEvent[]) : (events.filter((e) => e !== null) as FdEvent[]);
      art.writes = writeList;
      const decoded = new Set<WriteSample>();
      for (const w of art.writes) {
        for (const sample of [w.first, ...w.samples]) {
          if (decoded.has(sample)) continue;
          decoded.add(sample);
          const text = decodeCString(sample.text);
          sample.text = keep(text.length > WRITE_TEXT_MAX ? text.slice(0, WRITE_TEXT_MAX) : text);
        }
      }
      // In the order threads first showed up (the prescan's are merged last).
      art.threads = [...threads.values()].sort((a, b) => a.firstLine - b.firstLine).map(({ firstTimed, lastTimed, ...t }) => ({
        ...t, firstTime: Number.isNaN(t.firstTime) ? null : t.firstTime, lastTime: Number.isNaN(t.lastTime) ? null : t.lastTime,
      }));
      art.firstTime = Number.isNaN(clockTimes[FIRST_TIME]) ? null : clockTimes[FIRST_TIME];
      art.lastTime = Number.isNaN(clockTimes[LAST_TIME]) ? null : clockTimes[LAST_TIME];
      // The records of a strace file are the calls read (the events kept depend on how it was read).
      art.records = art.parsedLines;
      art.unfinishedAtEnd = 0;
      for (const p of pending.values()) if (p !== null) art.unfinishedAtEnd++;
      if (fileTid !== undefined) art.fileTid = fileTid;
      if (art.lines > 0 && art.parsedLines === 0 && art.threads.length === 0) ctx.warn(undefined, 'no strace lines found');
      return art;
    },
  };
}
