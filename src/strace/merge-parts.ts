// Joins the artifacts of a file read in two parts (src/strace/parallel.ts) into the artifact of one
// capture of the whole file. The second part's sink started on a line in the middle: its line
// numbers start at 1, its -tt clock does not know the days already passed, its -r times start at
// 0, and its compactor did not see the fds opened in the first part.
import type { FdEvent, FdWrites, StraceArtifact, ThreadCounts } from './types.js';

const DAY = 86400;
const WRITE_SAMPLES = 8;

export interface PartsToMerge {
  first: StraceArtifact;
  second: StraceArtifact;
  /** Lines of the first part: the second part's line 1 is line lineOffset + 1 of the file. */
  lineOffset: number;
  /**
   * Calls cut by the seam, read again whole (their events, counts and writes), in the second
   * part's line numbers and time base like `second`.
   */
  rejoined?: StraceArtifact;
  /**
   * `second` is already in the file's lines and times (unpacked so, see unpackArtifact), moved by
   * `shift` (seamTimeShift of the parts as read): only `rejoined` is still to move.
   */
  moved?: { shift: number };
}

/** What to add to the second part's times so they continue the first part's. */
export function seamTimeShift(first: StraceArtifact, second: StraceArtifact): number {
  const base = first.shape.timeBase;
  if (first.lastTime === null || second.firstTime === null) return 0;
  if (base === 'relative') return first.lastTime;
  if (base !== 'clock') return 0;
  // The same rule as the sink's: a clock more than 12 h behind the last one went past midnight.
  let shift = 0;
  while (second.firstTime + shift < first.lastTime - DAY / 2) shift += DAY;
  return shift;
}

/**
 * The merged artifact. The second part's (and the rejoined calls') objects are reused: their line
 * numbers and times are shifted in place.
 */
export function mergeStraceParts({ first, second, lineOffset, rejoined, moved }: PartsToMerge): StraceArtifact {
  const shift = moved?.shift ?? seamTimeShift(first, second);
  if (!moved) moveToFile(second, lineOffset, shift);
  if (rejoined) moveToFile(rejoined, lineOffset, shift);
  const secondEvents = rejoined ? insertByLine(second.events, rejoined.events) : second.events;
  carryIntoForks(first.events, secondEvents, new Set(rejoined?.events ?? []));
  const eventTids = new Set([...(first.eventTids ?? []), ...(second.eventTids ?? []), ...(rejoined?.eventTids ?? [])]);
  const merged: StraceArtifact = {
    records: first.parsedLines + second.parsedLines + (rejoined?.parsedLines ?? 0),
    shape: {
      pidPrefix: first.shape.pidPrefix,
      timeBase: first.shape.timeBase,
      durations: first.shape.durations || second.shape.durations,
      fdPaths: first.shape.fdPaths || second.shape.fdPaths,
      truncatedStrings: first.shape.truncatedStrings || second.shape.truncatedStrings,
    },
    lines: first.lines + second.lines,
    parsedLines: first.parsedLines + second.parsedLines + (rejoined?.parsedLines ?? 0),
    firstTime: first.firstTime ?? second.firstTime,
    lastTime: second.lastTime ?? first.lastTime,
    events: first.events.concat(secondEvents),
    foldedPairs: sumCounts(first.foldedPairs, second.foldedPairs),
    eventTids: [...eventTids],
    writes: mergeWrites(rejoined ? [first.writes, rejoined.writes, second.writes] : [first.writes, second.writes]),
    threads: mergeThreads(first.threads, second.threads, rejoined?.threads ?? []),
    attached: first.attached.concat(second.attached),
    unfinishedAtEnd: second.unfinishedAtEnd,
  };
  if (first.fileTid !== undefined) merged.fileTid = first.fileTid;
  return merged;
}

function moveToFile(a: StraceArtifact, lineOffset: number, shift: number): void {
  const t = (v: number | null) => (v === null ? null : v + shift);
  for (const ev of a.events) {
    ev.line += lineOffset;
    ev.time = t(ev.time);
  }
  for (const th of a.threads) {
    th.firstLine += lineOffset;
    th.firstTime = t(th.firstTime);
    th.lastTime = t(th.lastTime);
  }
  for (const w of a.writes) {
    for (const s of new Set([w.first, ...w.samples])) {
      s.line += lineOffset;
      s.time = t(s.time);
    }
  }
  a.firstTime = t(a.firstTime);
  a.lastTime = t(a.lastTime);
}

/** `extra` into `events` (both in file order) by line; an extra event goes after events of its line. */
function insertByLine(events: FdEvent[], extra: FdEvent[]): FdEvent[] {
  if (extra.length === 0) return events;
  const sorted = [...extra].sort((a, b) => a.line - b.line);
  const out: FdEvent[] = [];
  let k = 0;
  for (const ev of events) {
    while (k < sorted.length && sorted[k].line < ev.line) out.push(sorted[k++]);
    out.push(ev);
  }
  while (k < sorted.length) out.push(sorted[k++]);
  return out;
}

function sumCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

function mergeWrites(lists: FdWrites[][]): FdWrites[] {
  const byKey = new Map<string, FdWrites>();
  for (const list of lists) {
    for (const w of list) {
      const key = `${w.tid}:${w.fd}`;
      const had = byKey.get(key);
      if (!had) {
        byKey.set(key, { ...w, samples: [...w.samples] });
        continue;
      }
      had.count += w.count;
      had.bytes += w.bytes;
      had.path ??= w.path;
      for (const s of w.samples) if (had.samples.length < WRITE_SAMPLES) had.samples.push(s);
    }
  }
  return [...byKey.values()];
}

/** Per-tid counts summed; `rejoined` adds only what the seam calls did (their lines are counted already). */
function mergeThreads(first: ThreadCounts[], second: ThreadCounts[], rejoined: ThreadCounts[]): ThreadCounts[] {
  const byTid = new Map<number, ThreadCounts>();
  for (const t of first) byTid.set(t.tid, { ...t, signals: { ...t.signals } });
  for (const t of second) {
    const had = byTid.get(t.tid);
    if (!had) {
      byTid.set(t.tid, { ...t, signals: { ...t.signals } });
      continue;
    }
    had.lines += t.lines;
    had.creates += t.creates;
    had.closes += t.closes;
    had.forks += t.forks;
    had.failedConnects += t.failedConnects;
    had.signals = sumCounts(had.signals, t.signals);
    had.firstTime ??= t.firstTime;
    had.lastTime = t.lastTime ?? had.lastTime;
    had.firstLine = Math.min(had.firstLine, t.firstLine);
  }
  for (const t of rejoined) {
    const had = byTid.get(t.tid);
    if (!had) continue;
    had.creates += t.creates;
    had.closes += t.closes;
    had.failedConnects += t.failedConnects;
  }
  return [...byTid.values()];
}

interface Slot {
  cloexec: boolean;
  /** Opened in the first part (or inherited there). */
  carried: boolean;
}
type Table = Map<number, Slot>;

/**
 * Replays which fds are open in which process, the way replayLifecycle does, from events in file
 * order. `onFork` sees every process fork of the second part with its parent's table, whether the
 * parent is a child process forked in the first part, and which tasks belong to such children.
 */
function replayTables(
  firstEvents: FdEvent[], secondEvents: FdEvent[], rejoined: Set<FdEvent>,
  onFork: (ev: FdEvent, parent: Table, childOfFirst: boolean, ofFirstChild: (tid: number) => boolean) => void,
): void {
  const root: Table = new Map();
  const tableOf = new Map<number, Table>();
  const firstChildren = new Set<Table>();
  const of = (tid: number): Table => tableOf.get(tid) ?? root;
  const ofFirstChild = (tid: number): boolean => firstChildren.has(of(tid));
  const step = (ev: FdEvent, carried: boolean) => {
    const t = of(ev.tid);
    switch (ev.kind) {
      case 'create':
        // A rejoined call's fd was never in the second part's compactor either.
        t.set(ev.fd, { cloexec: ev.cloexec === true, carried: carried || rejoined.has(ev) });
        break;
      case 'close':
        t.delete(ev.fd);
        break;
      case 'close-range':
        for (const fd of [...t.keys()]) if (fd >= ev.fd && fd <= (ev.fd2 ?? ev.fd)) t.delete(fd);
        break;
      case 'cloexec':
        for (const [fd, slot] of t) if (fd >= ev.fd && fd <= (ev.fd2 ?? ev.fd)) slot.cloexec = ev.cloexec === true;
        break;
      case 'exec':
        for (const [fd, slot] of t) if (slot.cloexec) t.delete(fd);
        break;
      case 'fork': {
        if (ev.child === undefined) break;
        if (ev.thread || ev.shareFiles) {
          tableOf.set(ev.child, t);
          break;
        }
        if (!carried) onFork(ev, t, firstChildren.has(t), ofFirstChild);
        const copy: Table = new Map();
        if (ev.inherit) for (const packed of ev.inherit) copy.set(packed >>> 1, { cloexec: (packed & 1) === 1, carried });
        else for (const [fd, slot] of t) copy.set(fd, { ...slot });
        if (carried) firstChildren.add(copy);
        // Set by onFork: the fds it added came from the first part. (The copy is often far smaller
        // than the parent's table: a vfork+exec child's list is empty.)
        for (const [fd, slot] of copy) if (t.get(fd)?.carried) slot.carried = true;
        tableOf.set(ev.child, copy);
        break;
      }
      default:
        break;
    }
  };
  for (const ev of firstEvents) step(ev, true);
  for (const ev of secondEvents) step(ev, false);
}

/**
 * A second-part fork's `inherit` lists what the second part's compactor knew was open: fds the
 * first part opened and left open (or calls cut by the seam opened) are added: the child holds them
 * too. The second part took the tasks of child processes forked in the first part for threads of
 * the traced process: a fork by such a task loses its list (the replay copies its parent's table as
 * the events rebuild it), and an fd such a task created (`inheritBy`) is taken out of other forks'
 * lists unless the events show the parent holding that fd number.
 */
export function carryIntoForks(firstEvents: FdEvent[], secondEvents: FdEvent[], rejoined = new Set<FdEvent>()): void {
  replayTables(firstEvents, secondEvents, rejoined, (ev, parent, childOfFirst, ofFirstChild) => {
    if (!ev.inherit) return;
    const by = ev.inheritBy;
    ev.inheritBy = undefined;
    if (childOfFirst) {
      ev.inherit = undefined;
      return;
    }
    if (ev.childExeced) return;
    ev.inherit = ev.inherit.filter((p, k) => parent.has(p >>> 1) || by === undefined || !ofFirstChild(by[k]));
    const have = new Set(ev.inherit.map((p) => p >>> 1));
    for (const [fd, slot] of parent) if (slot.carried && !have.has(fd)) ev.inherit.push(fd * 2 + (slot.cloexec ? 1 : 0));
  });
}
