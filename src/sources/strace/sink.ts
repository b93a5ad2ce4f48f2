// The strace sink: fed one file's lines in order (text, or chunks of bytes the pre-filter reads
// first), it keeps per-thread counts, the fd events the call table reports, bounded write samples
// and the calls still unfinished; clock.ts keeps its times, warnings.ts its warnings, and the
// compactor folds what the analysis cannot tell apart.
import type { LineChunkFn } from '../../bundle/lines.js';
import { keep } from '../../types.js';
import type { LineSink, ParseContext } from '../parser.js';
import { CALLS, FD_LIMIT_ERRNOS, writtenString, type Call, type CallMeaning, type FdEffects } from './calls.js';
import { createStraceClock } from './clock.js';
import { createCompactor } from './compact.js';
import { parseLine, splitCall, splitGluedNote, type CallLine, type Result } from './line.js';
import { createPrefilter, type PrefilterTarget } from './prefilter.js';
import { straceFollowsForks, straceHidesClose } from '../../command-words.js';
import { fileTidOf, printedFileTid, withoutFileTag } from './sniff.js';
import { decodeCString } from './syntax.js';
import { createStraceWarnings } from './warnings.js';
import { createEofTracker } from './eof-kept.js';
import { createTextTurns } from './text-turns.js';
import type { FdEvent, FdLimitFailure, FdWrites, StraceArtifact, StraceShape, ThreadCounts, WriteSample } from './types.js';

export const WRITE_SAMPLES = 8;
const WRITE_TEXT_MAX = 600;
const FD_LIMIT_SAMPLES = 8;
/** Bounds that only a hostile or broken capture reaches: past them a warning, and the rest is counted or left out. */
const MAX_KEPT_EVENTS = 2_000_000;
const MAX_THREADS = 100_000;
export const MAX_WRITE_PAIRS = 20_000;
const MAX_SIGNAL_NAMES = 64;
const MAX_ATTACHED = 1000;

interface Pending {
  name: string;
  meaning: CallMeaning;
  /** What was printed of the arguments before ` <unfinished ...>`. */
  args: string;
  time: number | null;
  /** A fork's event, made at the call's start and completed when it resumes. */
  fork?: FdEvent;
  /** A write to an fd whose samples are full: the pre-filter may count its resumption (`cut`: -s cut the string). */
  counted?: FdWrites;
  cut?: boolean;
}

/** `compact: false` keeps every event (tests compare the analysis of both). `chunk` reads the lines of a chunk (readLineChunks). */
export function createStraceSink(ctx: ParseContext, opts: { compact?: boolean } = {}): LineSink<StraceArtifact> & { chunk: LineChunkFn } {
  const shape: StraceShape = { pidPrefix: 'none', timeBase: 'none', durations: false, fdPaths: false, truncatedStrings: false };
  if (straceFollowsForks(ctx.command)) shape.followsForks = true;
  if (straceHidesClose(ctx.command)) shape.hidesClose = true;
  const art: StraceArtifact = {
    records: 0,
    shape,
    lines: 0,
    parsedLines: 0,
    firstTime: null,
    lastTime: null,
    events: [],
    foldedPairs: {},
    writes: [],
    threads: [],
    attached: [],
    unfinishedAtEnd: 0,
  };
  /** `-ff` names each file after its thread (`name.TID`). */
  const fileTid = fileTidOf(ctx.file) ?? printedFileTid(ctx.command);

  const { warn, reached, finish: finishWarnings } = createStraceWarnings(ctx);

  const { advance, first: firstTime, last: lastTime } = createStraceClock(shape);

  const threads = new Map<number, ThreadCounts>();
  let lastThread: ThreadCounts | undefined;
  /** The thread's counts; undefined past MAX_THREADS (its lines are counted for the file only). */
  const thread = (tid: number, line: number): ThreadCounts | undefined => {
    if (lastThread !== undefined && lastThread.tid === tid) return lastThread;
    let t = threads.get(tid);
    if (t === undefined) {
      if (threads.size >= MAX_THREADS) {
        reached('threads', line, `more than ${MAX_THREADS} threads: the lines of the others are counted, not read`);
        return undefined;
      }
      t = {
        tid,
        lines: 0,
        creates: 0,
        closes: 0,
        forks: 0,
        failedConnects: 0,
        signals: {},
        firstTime: NaN,
        lastTime: NaN,
        firstLine: line,
      };
      threads.set(tid, t);
    }
    lastThread = t;
    return t;
  };
  /** Counts a line for its thread at `time` in the file's time base (NaN: none). */
  const countLine = (tid: number, time: number, n: number): ThreadCounts | undefined => {
    const t = thread(tid, n);
    if (t === undefined) return undefined;
    t.lines++;
    if (!Number.isNaN(time)) {
      if (Number.isNaN(t.firstTime!)) t.firstTime = time;
      t.lastTime = time;
    }
    return t;
  };

  // A thread's finished call is set to null, not deleted: a Map that keeps losing and gaining the
  // same keys reallocates its table over and over.
  const pending = new Map<number, Pending | null>();

  /** Writes per thread, then by fd (an array: fds are small integers, and most lines are writes). */
  const writes = new Map<number, (FdWrites | undefined)[]>();
  // (thread, fd) writes whose last sample ends no line yet: the next write to the fd goes on with it
  // (Rust's eprintln writes `spawnr[`, `12884`, `]: `, `150`, ` probes\n` as five calls, one line).
  const openLines = new WeakSet<FdWrites>();
  let writesTid = -1;
  let writesByFd: (FdWrites | undefined)[] | undefined;
  const writesOf = (tid: number, fd: number): FdWrites | undefined => {
    if (tid !== writesTid) {
      writesTid = tid;
      writesByFd = writes.get(tid);
    }
    return writesByFd?.[fd];
  };

  const events: (FdEvent | null)[] = [];
  let nulls = 0;
  const eventTids = new Set<number>();
  const compactor =
    opts.compact === false
      ? null
      : createCompactor(
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
          // One file of -ff holds one thread: another file may fork or close between a create and its close.
          { fold: fileTid === undefined },
        );

  /** Strings that repeat (details, paths): one copy each. Socket and pipe inodes never repeat. */
  const intern = new Map<string, string>();
  const I = (s: string): string => {
    if (s.includes(':[')) return keep(s);
    const v = intern.get(s);
    if (v !== undefined) return v;
    const own = keep(s);
    if (intern.size < 50_000) intern.set(own, own);
    return own;
  };

  // A kept line is its own string (decoded from bytes) or a slice of a text the caller holds anyway.
  const clip = (text: string): string => (text.length > 300 ? keep(`${text.slice(0, 297)}...`) : text);

  const { keepText, closeTurn, lastTurns } = createTextTurns(clip);

  /** `group`: the call pattern whose first and last texts per thread are kept; none: always kept. */
  const push = (ev: FdEvent, text: string, group?: string) => {
    if (events.length - nulls >= MAX_KEPT_EVENTS) {
      reached('events', ev.line, `more than ${MAX_KEPT_EVENTS} fd events kept: the analysis covers the capture up to here`);
      return;
    }
    if (group !== undefined) keepText(group, ev, text);
    else ev.text = clip(text);
    events.push(ev);
    eventTids.add(ev.tid);
    if (!compactor) return;
    compactor.advance();
    if (nulls > 65536 && nulls * 2 > events.length) {
      compactor.compact();
      nulls = 0;
    }
  };

  const fdLimitFailures: FdLimitFailure[] = [];
  const eofs = createEofTracker();

  /** The close event of fd (counted by the caller). */
  const closeFd = (c: Call, fd: number, detail: string): void => {
    eofs.closed(fd);
    if (compactor?.absorbClose(c.tid, fd)) {
      eventTids.add(c.tid);
      closeTurn(c.tid);
      return;
    }
    push({ kind: 'close', time: c.time, tid: c.tid, fd, detail: I(detail), line: c.line }, c.text, 'x');
  };

  const fx: FdEffects = {
    create(c, fd, detail, cloexec, path, replaced) {
      if (replaced !== undefined) closeFd(c, fd, replaced);
      else thread(c.tid, c.line)!.creates++;
      eofs.closed(fd);
      const ev: FdEvent = { kind: 'create', time: c.time, tid: c.tid, fd, detail: I(detail), cloexec, line: c.line };
      ev.path = I(path);
      push(ev, c.text, ev.detail);
    },
    close(c, fd, detail) {
      thread(c.tid, c.line)!.closes++;
      closeFd(c, fd, detail);
    },
    closeRange(c, lo, hi, detail) {
      eofs.closed(lo, hi);
      push({ kind: 'close-range', time: c.time, tid: c.tid, fd: lo, fd2: hi, detail: I(detail), line: c.line }, c.text);
    },
    cloexec(c, fd, hi, on, detail) {
      if (hi === undefined)
        push({ kind: 'cloexec', time: c.time, tid: c.tid, fd, detail: I(detail), cloexec: on, line: c.line }, c.text, 's');
      else push({ kind: 'cloexec', time: c.time, tid: c.tid, fd, fd2: hi, detail: I(detail), cloexec: on, line: c.line }, c.text);
    },
    connect(c, fd, detail, result, failed) {
      if (failed) thread(c.tid, c.line)!.failedConnects++;
      push({ kind: 'connect', time: c.time, tid: c.tid, fd, detail: I(detail), line: c.line }, c.text, I(`n:${result}`));
    },
    exec(c, path) {
      eofs.closed(0, Number.MAX_SAFE_INTEGER);
      push({ kind: 'exec', time: c.time, tid: c.tid, fd: -1, detail: I(`execve("${path}")`), line: c.line }, c.text);
    },
    write(c, fd, note, raw, truncated, bytes) {
      if (truncated) shape.truncatedStrings = true;
      let w = writesOf(c.tid, fd);
      if (w === undefined) {
        if (art.writes.length >= MAX_WRITE_PAIRS) {
          reached('writes', c.line, `writes to more than ${MAX_WRITE_PAIRS} (thread, fd) pairs: the others are not sampled`);
          return;
        }
        w = { tid: c.tid, fd, count: 0, bytes: 0, samples: [], first: writeSample(c, raw, truncated, bytes) };
        w.samples.push(w.first);
        let byFd = writes.get(c.tid);
        if (byFd === undefined) writes.set(c.tid, (byFd = []));
        byFd[fd] = w;
        writesTid = -1;
        art.writes.push(w);
        // The file open on this fd at the thread's first write names what it writes to (fd-log).
        compactor?.keepOpen(c.tid, fd);
      } else if (openLines.has(w)) continueLine(w.samples[w.samples.length - 1], raw, truncated, bytes);
      else if (w.samples.length < WRITE_SAMPLES) w.samples.push(writeSample(c, raw, truncated, bytes));
      else openLines.delete(w);
      const last = w.samples[w.samples.length - 1];
      if (openLines.has(w) || last.line === c.line) {
        if (last.truncated || endsLine(raw)) openLines.delete(w);
        else openLines.add(w);
      }
      if (note && w.path === undefined) {
        w.path = keep(note);
        shape.fdPaths = true;
      }
      w.count++;
      w.bytes += bytes;
    },
    eof(c, fd, peer) {
      eofs.eof(c.tid, fd, c.line, clip(c.text), peer, thread(c.tid, c.line)?.lines ?? 0);
    },
    fdLimit(c, errno) {
      const t = thread(c.tid, c.line)!;
      if (errno === 'EMFILE') t.emfile = (t.emfile ?? 0) + 1;
      else t.enfile = (t.enfile ?? 0) + 1;
      if (fdLimitFailures.length < FD_LIMIT_SAMPLES)
        fdLimitFailures.push({ tid: c.tid, line: c.line, time: c.time, errno, text: clip(c.text) });
    },
  };

  /** A sample's text is decoded from strace's escapes at the end, once per sample kept. */
  /** A write that goes on with a line an earlier write to the same fd left open: one line of the file. */
  const continueLine = (last: WriteSample, raw: string, truncated: boolean, bytes: number): void => {
    const text = last.text + raw;
    last.text = text.length > WRITE_TEXT_MAX * 2 ? text.slice(0, WRITE_TEXT_MAX * 2) : text;
    last.truncated = truncated;
    last.bytes += bytes;
  };

  const writeSample = (c: Call, raw: string, truncated: boolean, bytes: number): WriteSample => {
    const head = raw.length > WRITE_TEXT_MAX * 2 ? raw.slice(0, WRITE_TEXT_MAX * 2) : raw;
    return { time: c.time, line: c.line, lineText: clip(c.text), text: head, bytes, truncated };
  };

  const forkStart = (tid: number, time: number | null, line: number, text: string, meaning: CallMeaning, args: string): FdEvent => {
    const kind = meaning.fork!(args);
    const ev: FdEvent = { kind: 'fork', time, tid, fd: -1, detail: I(kind.detail), thread: kind.thread, shareFiles: kind.shareFiles, line };
    // Queued behind the fork until its child is known: the child's lines may come first.
    compactor?.unresolved(ev);
    push(ev, text, kind.thread ? 't' : 'f');
    if (!kind.thread) thread(tid, line)!.forks++;
    return ev;
  };
  /** The clone returned `child` (a task, when above 0) on `line`. */
  const forkEnd = (ev: FdEvent, child: number | undefined, line: number, text: string) => {
    if (child !== undefined && child > 0) {
      ev.child = child;
      if (ev.line !== line && ev.text !== undefined) ev.text = clip(text);
      ev.line = line;
    }
    compactor?.resolved(ev);
  };

  /** A complete call of the table (an unfinished one rejoined with its resumption). */
  const dispatch = (
    meaning: CallMeaning,
    tid: number,
    time: number | null,
    line: number,
    text: string,
    name: string,
    args: string,
    result: Result | undefined,
  ) => {
    if (!meaning.quiet) art.parsedLines++;
    if (result === undefined) return;
    // What the pre-filter skips: the call can mean nothing here.
    if (meaning.onlyWith && !meaning.onlyWith.some((w) => args.includes(w) || result.text.includes(w))) return;
    if (result.note !== undefined) shape.fdPaths = true;
    if (result.invalid) {
      warn('result', line, `${name} returned ${result.text.slice(0, 40)}, which is no value strace prints`);
      return;
    }
    if (meaning.fork) forkEnd(forkStart(tid, time, line, text, meaning, args), result.value, line, text);
    else meaning.read!({ tid, time, line, text, name, args, result }, fx);
  };

  const call = (l: CallLine, tid: number, time: number | null, n: number, text: string) => {
    if (l.fdNoted) shape.fdPaths = true;
    const meaning = CALLS.get(l.name);
    if (meaning === undefined) return;
    if (!l.unfinished) {
      dispatch(meaning, tid, time, n, text, l.name, l.args, l.result);
      return;
    }
    // A quiet call is followed only on the lines that can matter (a read of a TCP socket).
    if (meaning.quiet && !meaning.onlyWith?.some((w) => l.args.includes(w))) return;
    const p: Pending = { name: l.name, meaning, args: l.args, time };
    if (meaning.write) {
      const w = writtenString(l.args);
      const counted = w ? writesOf(tid, w.fd) : undefined;
      if (
        w &&
        counted?.samples.length === WRITE_SAMPLES &&
        !openLines.has(counted) &&
        (w.note === undefined || counted.path !== undefined)
      ) {
        p.counted = counted;
        p.cut = w.truncated;
      }
    }
    if (meaning.fork) {
      art.parsedLines++;
      p.fork = forkStart(tid, time, n, text, meaning, l.args);
    }
    // A thread has one call in flight: a fork still waiting for its resumption never gets one.
    const before = pending.get(tid);
    if (before?.fork) compactor?.resolved(before.fork);
    pending.set(tid, p);
  };

  /**
   * A resumption whose unfinished head the capture lacks (it began mid-call, or the head was cut):
   * its arguments are lost, but a failure at the fd limit still says the thread ran out
   * (`[pid 26959] <... accept4 resumed> 0x7eff357d3720, [128], SOCK_CLOEXEC) = -1 EMFILE (Too many
   * open files)` at the top of a paste). Nothing else of it is read: a part of the arguments would
   * be misread as the whole.
   */
  const headless = (name: string, rest: string, tid: number, time: number | null, n: number, text: string) => {
    const meaning = CALLS.get(name);
    const result = splitCall(rest)?.result;
    if (meaning === undefined || meaning.fork || result === undefined || result.invalid) return;
    if (result.value !== -1 || result.errno === undefined || !FD_LIMIT_ERRNOS.includes(result.errno)) return;
    art.parsedLines++;
    fx.fdLimit({ tid, time, line: n, text, name, args: '', result }, result.errno);
  };

  const resumed = (name: string, rest: string, tid: number, time: number | null, n: number, text: string) => {
    const p = pending.get(tid);
    if (p == null) {
      headless(name, rest, tid, time, n, text);
      return;
    }
    pending.set(tid, null);
    // The resumption of another call: this one's was lost, and so was the head of the one resumed.
    if (p.name !== name) {
      if (p.fork) compactor?.resolved(p.fork);
      headless(name, rest, tid, time, n, text);
      return;
    }
    if (p.fork) {
      const split = splitCall(rest);
      if (split) forkEnd(p.fork, split.result.value, n, text);
      else compactor?.resolved(p.fork);
      return;
    }
    const split = splitCall(p.args + rest);
    dispatch(p.meaning, tid, time ?? p.time, n, text, name, split?.args ?? '', split?.result);
  };

  let started = false;
  // The thread whose call's line strace's attach note cut (line.ts, splitGluedNote), and that line:
  // the line right after it, with no pid and no time and no call, goes on from that call's arguments.
  let cutBy: { tid: number; n: number } | undefined;
  const readText = (text: string, n: number) => {
    art.lines++;
    const bare = withoutFileTag(text);
    const glued = splitGluedNote(bare);
    const l = parseLine(glued ? glued.head : bare);
    const cut = cutBy?.n === n - 1 ? cutBy.tid : undefined;
    if (glued && art.attached.length < MAX_ATTACHED) art.attached.push(glued.attached);
    const head = l.head;
    if (head === undefined) {
      if (l.kind === 'other' && l.attached !== undefined && art.attached.length < MAX_ATTACHED) art.attached.push(l.attached);
      if (l.kind === 'other' && l.problem !== undefined) warn('time', n, l.problem);
      return;
    }
    if (cut !== undefined && l.kind === 'other' && head.tid === undefined && head.time === undefined) {
      // ` <unfinished ...>` alone: the call is still in flight, and resumes later as any other.
      const p = pending.get(cut);
      if (p && bare.trim() !== '<unfinished ...>') resumed(p.name, bare, cut, null, n, text);
      return;
    }
    if (head.tid !== undefined && shape.pidPrefix === 'none' && (head.bracket || fileTid === undefined))
      shape.pidPrefix = head.bracket ? 'bracket' : 'column';
    let time: number | null = null;
    if (head.time !== undefined) {
      if (shape.timeBase === 'none') shape.timeBase = head.clock ? 'clock' : head.time > 1e8 ? 'epoch' : 'relative';
      else if (head.clock !== (shape.timeBase === 'clock')) {
        warn('time', n, `a time column unlike the file's others: ${text.slice(0, 40)}`);
        return;
      }
      time = advance(head.time);
    }
    if (!started) {
      started = true;
      target.started = true;
      if (fileTid !== undefined) shape.pidPrefix = 'file-suffix';
    }
    const tid = head.tid ?? fileTid ?? 0;
    if (glued) cutBy = { tid, n };
    const t = countLine(tid, time ?? NaN, n);
    if (t === undefined) return;
    if (l.duration !== undefined) shape.durations = true;
    switch (l.kind) {
      case 'call':
        call(l, tid, time, n, text);
        break;
      case 'resumed':
        resumed(l.name, l.rest, tid, time, n, text);
        break;
      case 'signal':
        if (t.signals[l.signal] !== undefined || Object.keys(t.signals).length < MAX_SIGNAL_NAMES)
          t.signals[l.signal] = (t.signals[l.signal] ?? 0) + 1;
        break;
      case 'exit':
        push({ kind: 'exit', time, tid, fd: -1, detail: I(l.detail), line: n }, text);
        break;
    }
  };
  const readLine = (text: string, n: number) => {
    try {
      readText(text, n);
    } catch (e) {
      warn('error', n, `strace line not understood (${(e as Error).message}): ${text.slice(0, 80)}`);
    }
  };

  const target: PrefilterTarget = {
    shape,
    started: false,
    printed: new Float64Array(1),
    count(tid, n, parsed) {
      art.lines++;
      if (parsed) art.parsedLines++;
      const printed = target.printed[0];
      countLine(tid, Number.isNaN(printed) ? NaN : advance(printed), n);
    },
    pending: (tid) => pending.get(tid) ?? undefined,
    resume(tid) {
      pending.set(tid, null);
    },
    fullWrites(tid, fd) {
      const w = writesOf(tid, fd);
      // Full, unless its last sample's line is still open: the next write goes on with it.
      return w !== undefined && w.samples.length === WRITE_SAMPLES && !openLines.has(w) ? w : undefined;
    },
  };
  const prefilter = createPrefilter(target, fileTid);

  return {
    line: readLine,
    chunk(buf, from, to, firstLine, stats) {
      const b = buf as NodeBuffer;
      let n = firstLine;
      for (let pos = from; pos < to; n++) {
        let nl = b.indexOf(10, pos);
        if (nl === -1 || nl >= to) nl = to;
        let end = nl;
        if (end > pos && b[end - 1] === 13) {
          end--;
          stats.crlf++;
        }
        if (!prefilter(b, pos, end, n)) readLine(b.utf8Slice(pos, end), n);
        pos = nl + 1;
      }
      stats.lines += n - firstLine;
    },
    end() {
      compactor?.finish();
      lastTurns();
      art.eventTids = [...eventTids];
      art.events = nulls === 0 ? (events as FdEvent[]) : (events.filter((e) => e !== null) as FdEvent[]);
      for (const w of art.writes) {
        for (const sample of w.samples) {
          const text = decodeCString(sample.text);
          sample.text = keep(text.length > WRITE_TEXT_MAX ? text.slice(0, WRITE_TEXT_MAX) : text);
        }
      }
      art.threads = [...threads.values()]
        .sort((a, b) => a.firstLine - b.firstLine)
        .map((t) => ({ ...t, firstTime: nullIfNaN(t.firstTime), lastTime: nullIfNaN(t.lastTime) }));
      art.firstTime = nullIfNaN(firstTime());
      art.lastTime = nullIfNaN(lastTime());
      // The records of a strace file are the calls of the table it read.
      art.records = art.parsedLines;
      for (const p of pending.values()) if (p !== null && !p.meaning.quiet) art.unfinishedAtEnd++;
      if (fileTid !== undefined) art.fileTid = fileTid;
      if (fdLimitFailures.length > 0) art.fdLimitFailures = fdLimitFailures;
      const eof = eofs.kept((tid) => threads.get(tid)?.lines ?? 0);
      if (eof.total > 0) Object.assign(art, { eofKept: eof.fds, eofKeptTotal: eof.total });
      const untracked = compactor?.untracked();
      if (untracked && untracked.fds.length > 0) art.untracked = untracked.fds;
      if (untracked && untracked.unknownCloses > 0) art.untrackedCloses = untracked.unknownCloses;
      finishWarnings();
      if (art.lines > 0 && art.parsedLines === 0 && art.threads.length === 0) ctx.warn(undefined, 'no strace lines found');
      return art;
    },
  };
}

/** Buffer's own decoder: toString() checks its arguments first, on every line decoded. */
type NodeBuffer = Buffer & { utf8Slice(start: number, end: number): string };

function nullIfNaN(t: number | null): number | null {
  return t === null || Number.isNaN(t) ? null : t;
}

/** Whether a written string, still escaped as strace prints it, ends a line: with `\n` (not `\\n`). */
function endsLine(raw: string): boolean {
  if (!raw.endsWith('n')) return false;
  let slashes = 0;
  for (let i = raw.length - 2; i >= 0 && raw[i] === '\\'; i--) slashes++;
  return slashes % 2 === 1;
}
