// The pre-filter in front of the sink's text path. Most lines of a busy process are calls the call
// table does not list (futex, epoll_wait, recvfrom ...) or writes to an fd whose samples are full:
// such a line is counted for its thread from its bytes (pid, time, call name, and a write's fd,
// string and size) and never decoded. It asks the table (calls.ts) what matters and reads each line
// by the text path's rules (line.ts); every line it is not sure of goes to the text path.
import { CALLS, type CallMeaning } from './calls.js';
import { validTime } from './line.js';
import { isDigit, MAX_FD, parseTimeBytes } from './syntax.js';
import type { FdWrites, StraceShape } from './types.js';

/** What the pre-filter reads from and counts into (the sink). */
export interface PrefilterTarget {
  readonly shape: StraceShape;
  /** The sink has read a line: the pid and time columns are known. */
  started: boolean;
  /** The printed time of the line count() takes; NaN: none. */
  readonly printed: Float64Array;
  /** Counts the line for `tid` at printed[0]; `parsed`: a call of the table. */
  count(tid: number, n: number, parsed: boolean): void;
  /** `tid`'s unfinished call of the table (`counted`: a write the pre-filter may count once it resumes). */
  pending(tid: number): { name: string; counted?: FdWrites; cut?: boolean } | undefined;
  /** `tid`'s unfinished call resumed, and was counted. */
  resume(tid: number): void;
  /** The writes of (tid, fd) once their samples are full. */
  fullWrites(tid: number, fd: number): FdWrites | undefined;
}

/** true: the line is counted; false: read it as text. */
export type Prefilter = (buf: Uint8Array, start: number, end: number, n: number) => boolean;

// Kept to 30 bits: a small integer, never a heap number.
const nameHash = (h: number, c: number): number => Math.imul(h ^ c, 16777619) & 0x3fffffff;

/** The table by the hash of each name: a name whose hash is not here is not in the table. */
const BY_HASH = new Map<number, { name: string; meaning: CallMeaning }>();
for (const [name, meaning] of CALLS) {
  let h = 0;
  for (let k = 0; k < name.length; k++) h = nameHash(h, name.charCodeAt(k));
  if (!BY_HASH.has(h)) BY_HASH.set(h, { name, meaning });
}

const SPACE = 32;
const UNFINISHED = ' <unfinished ...>';

export function createPrefilter(t: PrefilterTarget, fileTid: number | undefined): Prefilter {
  const shape = t.shape;
  const printed = t.printed;

  /** The time at i (its kind must be the file's), into printed[0]; returns where the call starts, -1: not read. */
  const time = (buf: Uint8Array, i: number, end: number): number => {
    const clock = shape.timeBase === 'clock';
    let sp = i;
    let colon = false;
    for (; sp < end && buf[sp] !== SPACE; sp++) if (buf[sp] === 58) colon = true;
    if (sp >= end) return -1;
    const v = parseTimeBytes(buf, i, sp);
    if (!validTime(v, colon) || colon !== clock) return -1;
    printed[0] = v;
    return sp + 1;
  };

  /** What the text path notes of the capture's options on any line it counts. */
  const noteShape = (buf: Uint8Array, start: number, end: number, paren: number) => {
    if (!shape.fdPaths && paren >= 0) {
      let k = paren + 1;
      while (k < end && isDigit(buf[k])) k++;
      if (k > paren + 1 && buf[k] === 60 /* < */) shape.fdPaths = true;
    }
    if (!shape.durations && buf[end - 1] === 62 /* > */) {
      let k = end - 2;
      let digits = 0;
      for (; k > start; k--) {
        if (isDigit(buf[k])) digits++;
        else if (buf[k] !== 46 /* . */) break;
      }
      if (digits > 0 && buf[k] === 60 && buf[k - 1] === SPACE) shape.durations = true;
    }
  };

  /**
   * A write to an fd whose samples are full, counted as the table's write entry reads it: the fd
   * (a -y path must be known already), the first string after it (cut by -s?), the size returned.
   */
  const countWrite = (tid: number, buf: Uint8Array, from: number, end: number): boolean => {
    let k = from;
    let fd = 0;
    while (k < end && k - from < 11 && isDigit(buf[k])) fd = fd * 10 + (buf[k++] - 48);
    if (k === from || fd > MAX_FD) return false;
    const w = t.fullWrites(tid, fd);
    const r = w === undefined ? -1 : resultAt(buf, k + 1, end);
    if (w === undefined || r < 0) return false;
    let argsEnd = r;
    while (buf[argsEnd - 1] === SPACE) argsEnd--;
    argsEnd--;
    if (buf[k] === 60 /* < */) {
      // readFd's rule: the annotation ends at a `>` before an argument boundary.
      let m = k + 1;
      while (m < argsEnd && !(buf[m] === 62 && (m + 1 === argsEnd || BOUNDARY[buf[m + 1]] === 1))) m++;
      if (m < argsEnd) {
        if (w.path === undefined) return false;
        k = m + 1;
      }
    }
    const q = (buf as Buffer).indexOf(34 /* " */, k);
    const e = q < 0 || q >= argsEnd ? -1 : closingQuote(buf as Buffer, q, argsEnd);
    if (e < 0) return false;
    const cut = e + 4 <= argsEnd && buf[e + 1] === 46 && buf[e + 2] === 46 && buf[e + 3] === 46;
    const bytes = writtenBytes(buf, r + 3, end);
    if (bytes < 0) return false;
    if (cut) shape.truncatedStrings = true;
    w.count++;
    w.bytes += bytes;
    return true;
  };

  /** `<... NAME resumed>REST` of a write whose samples are full, counted as the rejoined call would be. */
  const countResumedWrite = (p: { name: string; counted?: FdWrites; cut?: boolean }, buf: Uint8Array, i: number, end: number): boolean => {
    const w = p.counted;
    const rest = i + 5 + p.name.length + 9;
    if (
      w === undefined ||
      !sameName(buf, i, i + 5, '<... ') ||
      !sameName(buf, i + 5, rest - 9, p.name) ||
      !sameName(buf, rest - 9, rest, ' resumed>')
    )
      return false;
    const r = resultAt(buf, rest, end);
    const bytes = r < 0 ? -1 : writtenBytes(buf, r + 3, end);
    if (bytes < 0) return false;
    if (p.cut === true) shape.truncatedStrings = true;
    w.count++;
    w.bytes += bytes;
    return true;
  };

  return (buf, start, end, n) => {
    if (!t.started) return false;
    let i = start;
    let tid = fileTid ?? 0;
    if (isDigit(buf[i])) {
      let v = 0;
      let k = i;
      while (k < end && isDigit(buf[k])) v = v * 10 + (buf[k++] - 48);
      if (k < end && buf[k] === SPACE) {
        if (shape.pidPrefix !== 'column' || k - i > 15) return false;
        tid = v;
        i = k;
      }
    } else if (buf[i] === 91 /* [ */) return false;
    while (i < end && buf[i] === SPACE) i++;
    printed[0] = NaN;
    if (isDigit(buf[i])) {
      if (shape.timeBase === 'none') return false;
      // -tt's `HH:MM:SS.ffffff ` at fixed offsets (the number parseTimeBytes makes of it), else any time.
      const f =
        i + 15 < end && shape.timeBase === 'clock' && buf[i + 2] === 58 && buf[i + 5] === 58 && buf[i + 8] === 46 && buf[i + 15] === SPACE
          ? ((((D[buf[i + 9]] * 10 + D[buf[i + 10]]) * 10 + D[buf[i + 11]]) * 10 + D[buf[i + 12]]) * 10 + D[buf[i + 13]]) * 10 +
            D[buf[i + 14]]
          : -1;
      const hms =
        ((D[buf[i]] * 10 + D[buf[i + 1]]) * 60 + (D[buf[i + 3]] * 10 + D[buf[i + 4]])) * 60 + (D[buf[i + 6]] * 10 + D[buf[i + 7]]);
      if (f >= 0 && hms >= 0 && hms < 86400) {
        printed[0] = hms + f / 1e6;
        i += 16;
      } else {
        i = time(buf, i, end);
        if (i < 0) return false;
      }
      while (i < end && buf[i] === SPACE) i++;
    } else if (shape.timeBase !== 'none') return false;
    if (i >= end) return false;
    const b = buf[i];
    if (b === 60 /* < */) {
      const p = t.pending(tid);
      if (p !== undefined && !countResumedWrite(p, buf, i, end)) return false;
      noteShape(buf, start, end, -1);
      if (p !== undefined) t.resume(tid);
      t.count(tid, n, p !== undefined);
      return true;
    }
    if (b === 45 /* - */ || b === 43 /* + */) return false;
    let h = 0;
    let paren = i;
    const stop = Math.min(end, i + 32);
    for (; paren < stop && buf[paren] !== 40 /* ( */; paren++) h = nameHash(h, buf[paren]);
    if (paren === stop) return false;
    const entry = BY_HASH.get(h);
    if (entry !== undefined) {
      if (
        !sameName(buf, i, paren, entry.name) ||
        (end - start > UNFINISHED.length && sameName(buf, end - UNFINISHED.length, end, UNFINISHED))
      )
        return false;
      const { meaning } = entry;
      if (meaning.write) {
        if (!countWrite(tid, buf, paren + 1, end)) return false;
      } else if (meaning.onlyWith === undefined || meaning.onlyWith.some((w) => holds(buf, paren, end, w))) return false;
    }
    noteShape(buf, start, end, paren);
    t.count(tid, n, entry !== undefined && !entry.meaning.quiet);
    return true;
  };
}

/** A byte's digit value; any other byte is so negative that no sum of twelve of them is >= 0. */
const D = new Float64Array(256).fill(-1e9);
for (let c = 48; c <= 57; c++) D[c] = c - 48;

/** What ends an fd's -y annotation after its `>`: `,` `)` `]` ` ` `}`. */
const BOUNDARY = new Uint8Array(256);
for (const c of ',)] }') BOUNDARY[c.charCodeAt(0)] = 1;

/** The ` = ` before the result: the last of buf[from, end), after a `)` there and padding (splitCall's rule); -1: none. */
function resultAt(buf: Uint8Array, from: number, end: number): number {
  let r = end - 3;
  while (r >= from && !(buf[r] === SPACE && buf[r + 1] === 61 && buf[r + 2] === SPACE)) r--;
  let close = r;
  while (close > from && buf[close - 1] === SPACE) close--;
  return r >= from && close > from && buf[close - 1] === 41 /* ) */ ? r : -1;
}

/** The size a write returned (the text path's rules: -1 ERRNO or `?` count 0); -1: read it as text. */
function writtenBytes(buf: Uint8Array, at: number, end: number): number {
  const c = buf[at];
  if (c === 63 /* ? */) return 0;
  if (c === 45 /* - */) return buf[at + 1] === 49 && buf[at + 2] === SPACE && buf[at + 3] >= 65 && buf[at + 3] <= 90 ? 0 : -1;
  if (!isDigit(c) || (c === 48 && buf[at + 1] === 120) /* x */) return -1;
  let v = 0;
  let k = at;
  while (k < end && k - at < 11 && isDigit(buf[k])) v = v * 10 + (buf[k++] - 48);
  // A -y annotation on the result is the text path's to note.
  return v > MAX_FD || buf[k] === 60 ? -1 : v;
}

/** The quote that ends the string opened at q (readQuoted's: one with an even run of `\` before it), before `to`; -1: none. */
function closingQuote(buf: Buffer, q: number, to: number): number {
  for (let e = buf.indexOf(34, q + 1); e >= 0 && e < to; e = buf.indexOf(34, e + 1)) {
    let k = e;
    while (buf[k - 1] === 92 && k - 1 > q) k--;
    if ((e - k) % 2 === 0) return e;
  }
  return -1;
}

function sameName(buf: Uint8Array, from: number, to: number, name: string): boolean {
  if (to - from !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (buf[from + k] !== name.charCodeAt(k)) return false;
  return true;
}

/** `word` occurs in buf[from, to). */
function holds(buf: Uint8Array, from: number, to: number, word: string): boolean {
  const first = word.charCodeAt(0);
  outer: for (let i = from; i <= to - word.length; i++) {
    if (buf[i] !== first) continue;
    for (let k = 1; k < word.length; k++) if (buf[i + k] !== word.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}
