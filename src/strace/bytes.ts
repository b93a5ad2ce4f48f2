// Scanners over the bytes of one strace line, for the sink's byte path (src/strace/stream.ts).
// Each reads a piece of a line by the same rule as the text parser it stands in for (splitRet,
// readFd, splitArgs, readQuoted), so that both paths read every line alike; anything they do not
// read exactly is left to the text path. Positions they find go into `scan`, one shared object
// read right after the call: this runs millions of times, and a result object per call would be
// garbage to collect.
import { isDigit } from './syntax.js';
import type { StraceShape } from './types.js';

/** What the last scanner call found (see each scanner for which fields it sets). */
export const scan = {
  /** callEnd: where the result starts (after ` = `). */
  retAt: -1,
  /** fdResult, closeOk: the result's or the fd's -y annotation, buf[noteAt, noteEnd) (noteAt -1: none). */
  noteAt: -1,
  noteEnd: -1,
  /** fdResult returned -1: the errno is buf[errAt, errEnd). */
  errAt: -1,
  errEnd: -1,
  /** fdAt: the fd's annotation, buf[fdNoteAt, fdNoteEnd) (-1: none); fdEnd is after the fd and it. */
  fdNoteAt: -1,
  fdNoteEnd: -1,
  fdEnd: -1,
  /** argAt: the argument is buf[argFrom, argTo). */
  argFrom: -1,
  argTo: -1,
  /** quotedIn: the quotes at quoteAt and quoteEnd; quoteCut: `"..."...` (-s cut the string). */
  quoteAt: -1,
  quoteEnd: -1,
  quoteCut: false,
};

/** A scanner could not read the bytes as the text parser would: read the line as text. */
export const UNREAD = -2;
/** fdAt: no digits where the fd should be. */
export const NO_FD = -1;
export const UNFINISHED_BYTES = ' <unfinished ...>';

export const bytesAre = (buf: Uint8Array, i: number, end: number, word: string): boolean => {
  if (end - i !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (buf[i + k] !== word.charCodeAt(k)) return false;
  return true;
};

/** `word` occurs in buf[from, to). */
export const bytesHave = (buf: Uint8Array, from: number, to: number, word: string): boolean => {
  const first = word.charCodeAt(0);
  const last = to - word.length;
  outer: for (let i = from; i <= last; i++) {
    if (buf[i] !== first) continue;
    for (let k = 1; k < word.length; k++) if (buf[i + k] !== word.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
};

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** readFd's rule: an annotation ends at a `>` followed by an argument boundary (or `close`). */
const endsNote = (buf: Uint8Array, m: number, close: number): boolean => {
  const nx = m + 1 === close ? -1 : buf[m + 1];
  return nx === -1 || nx === 44 || nx === 41 || nx === 93 || nx === 32 || nx === 125;
};

export const unfinished = (buf: Uint8Array, start: number, end: number): boolean =>
  end - start >= UNFINISHED_BYTES.length && buf[end - 1] === 62 && buf[end - 2] === 46 && bytesAre(buf, end - UNFINISHED_BYTES.length, end, UNFINISHED_BYTES);

/**
 * The `)` that ends a call's arguments in buf[from, end): the one before the line's last ` = `
 * and its padding, as splitRet finds it (scan.retAt: the result's start). -1: none.
 */
export const callEnd = (buf: Uint8Array, from: number, end: number): number => {
  let r = end - 3;
  while (r >= from && !(buf[r] === 32 && buf[r + 1] === 61 && buf[r + 2] === 32)) r--;
  if (r < from) return -1;
  let close = r;
  while (close > from && buf[close - 1] === 32) close--;
  if (close === from || buf[close - 1] !== 41 /* ) */) return -1;
  scan.retAt = r + 3;
  return close - 1;
};

/** `) = ` somewhere in buf[from, end): a rejoined call has a result (what splitRet needs). */
export const hasRet = (buf: Uint8Array, from: number, end: number): boolean => bytesHave(buf, from, end, ') = ');

/** The ` = ` after `)` at k is the last one of the line (the one splitRet takes). */
export const lastEq = (buf: Uint8Array, k: number, end: number): boolean => !bytesHave(buf, k + 4, end, ' = ');

/** `) = 0` at k, then the end or ` <duration>`. */
export const retZero = (buf: Uint8Array, k: number, end: number): boolean => {
  if (buf[k] !== 41 || buf[k + 1] !== 32 || buf[k + 2] !== 61 || buf[k + 3] !== 32 || buf[k + 4] !== 48) return false;
  const after = k + 5;
  return after === end || (buf[after] === 32 && buf[after + 1] === 60 && isDigit(buf[after + 2]) && buf[end - 1] === 62);
};

/** The fd of `N) = 0` or `N<annotation>) = 0` (the bytes after `close(`; scan.noteAt/noteEnd), or -1. */
export const closeOk = (buf: Uint8Array, k: number, end: number): number => {
  let fd = 0;
  const from = k;
  while (k < end && isDigit(buf[k])) fd = fd * 10 + (buf[k++] - 48);
  if (k === from || k - from > 9) return -1;
  scan.noteAt = -1;
  if (buf[k] === 60 /* < */) {
    // The annotation ends at the `>` right before `) = 0`; a path may hold `>` or `) = `.
    let close = end - 1;
    while (close > k && !(buf[close] === 62 && retZero(buf, close + 1, end))) close--;
    if (close === k) return -1;
    // readFd stops at the first `>` followed by an argument boundary: it must be this one.
    for (let x = k + 1; x < close; x++) if (buf[x] === 62 && endsNote(buf, x, -2)) return -1;
    scan.noteAt = k + 1;
    scan.noteEnd = close;
    k = close + 1;
  }
  return retZero(buf, k, end) && lastEq(buf, k, end) ? fd : -1;
};

/**
 * An fd call's result, buf[at, end): `N`, `N<annotation>` (scan.noteAt/noteEnd) or `-1 ERRNO ...`
 * (returns -1; scan.errAt/errEnd), each maybe followed by a -T ` <duration>` (noted in `shape`).
 * UNREAD: another shape.
 */
export const fdResult = (buf: Uint8Array, at: number, end: number, shape: StraceShape): number => {
  let stop = end;
  if (buf[end - 1] === 62 /* > */) {
    let lt = end - 2;
    while (lt >= at && !(buf[lt] === 32 && buf[lt + 1] === 60)) lt--;
    if (lt >= at && isDigit(buf[lt + 2])) {
      stop = lt;
      shape.durations = true;
    }
  }
  if (buf[at] === 45 /* - */) {
    if (buf[at + 1] !== 49 || buf[at + 2] !== 32 || at + 3 > stop) return UNREAD;
    scan.errAt = at + 3;
    let e = at + 3;
    while (e < stop && buf[e] !== 32) e++;
    scan.errEnd = e;
    return -1;
  }
  let v = 0;
  let k = at;
  while (k < stop && isDigit(buf[k])) v = v * 10 + (buf[k++] - 48);
  if (k === at || k - at > 9) return UNREAD;
  scan.noteAt = -1;
  if (k === stop) return v;
  if (buf[k] !== 60 /* < */) return UNREAD;
  // Here the annotation must end the result.
  let m = k + 1;
  while (m < stop && !(buf[m] === 62 && endsNote(buf, m, stop))) m++;
  if (m + 1 !== stop) return UNREAD;
  scan.noteAt = k + 1;
  scan.noteEnd = m;
  return v;
};

/**
 * An fd argument at buf[k] (`26`, `26<socket:[37344]>`), read by readFd's rule. NO_FD: no digits
 * there; UNREAD: too many. Sets scan.fdNoteAt/fdNoteEnd/fdEnd.
 */
export const fdAt = (buf: Uint8Array, k: number, close: number): number => {
  let fd = 0;
  let e = k;
  while (e < close && isDigit(buf[e])) fd = fd * 10 + (buf[e++] - 48);
  if (e === k) return NO_FD;
  if (e - k > 9) return UNREAD;
  scan.fdNoteAt = -1;
  if (buf[e] === 60 /* < */) {
    for (let m = e + 1; m < close; m++) {
      if (buf[m] !== 62 || !endsNote(buf, m, close)) continue;
      scan.fdNoteAt = e + 1;
      scan.fdNoteEnd = m;
      e = m + 1;
      break;
    }
  }
  scan.fdEnd = e;
  return fd;
};

/**
 * Argument `index` of buf[from, close), cut as splitArgs cuts the text (quotes, brackets and fd
 * annotations respected) and trimmed (scan.argFrom/argTo). 1: found; 0: the call has fewer;
 * -1: not read (an unterminated string, or non-ASCII at its edge).
 */
export const argAt = (buf: Uint8Array, from: number, close: number, index: number): number => {
  let depth = 0;
  let start = from;
  let n = 0;
  let i = from;
  for (; i < close; i++) {
    const c = buf[i];
    if (c === 34 /* " */) {
      let j = i + 1;
      while (j < close && buf[j] !== 34) j += buf[j] === 92 ? 2 : 1;
      if (j >= close) return -1;
      i = j + 4 <= close && buf[j + 1] === 46 && buf[j + 2] === 46 && buf[j + 3] === 46 ? j + 3 : j;
    } else if (c === 60 /* < */ && i > from && isDigit(buf[i - 1])) {
      let k = i + 1;
      while (k < close && buf[k] !== 62) k++;
      if (k < close) i = k;
    } else if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 0) {
      if (n === index) break;
      n++;
      start = i + 1;
    }
  }
  if (n !== index) return 0;
  let a = start;
  let b = i;
  while (a < b && isSpace(buf[a])) a++;
  while (b > a && isSpace(buf[b - 1])) b--;
  // The last argument, empty, of a call with one argument only is no argument (splitArgs).
  if (a === b && i === close && index === 0) return 0;
  if ((a < b && buf[a] > 127) || (b > a && buf[b - 1] > 127)) return -1;
  scan.argFrom = a;
  scan.argTo = b;
  return 1;
};

/** The first quoted string in buf[from, to) (as readQuoted reads it). false: none, or not closed. */
export const quotedIn = (buf: Uint8Array, from: number, to: number): boolean => {
  let q = from;
  while (q < to && buf[q] !== 34 /* " */) q++;
  if (q === to) return false;
  let e = q + 1;
  while (e < to && buf[e] !== 34) e += buf[e] === 92 /* \ */ ? 2 : 1;
  if (e >= to) return false;
  scan.quoteAt = q;
  scan.quoteEnd = e;
  scan.quoteCut = e + 4 <= to && buf[e + 1] === 46 && buf[e + 2] === 46 && buf[e + 3] === 46;
  return true;
};

/**
 * What a line read from its bytes still tells about the capture's options: `-y` (an fd argument
 * `N<...>` right after the paren at `paren`; -1 = not looked at) and `-T` (` <0.000012>` at the end).
 */
export const noteShape = (shape: StraceShape, buf: Uint8Array, start: number, end: number, paren: number) => {
  if (!shape.fdPaths && paren >= 0 && isDigit(buf[paren + 1])) {
    let k = paren + 1;
    while (isDigit(buf[k])) k++;
    if (buf[k] === 60 /* < */) shape.fdPaths = true;
  }
  if (!shape.durations && buf[end - 1] === 62 /* > */) {
    let k = end - 2;
    while (k > start && (isDigit(buf[k]) || buf[k] === 46)) k--;
    if (buf[k] === 60 && buf[k - 1] === 32) shape.durations = true;
  }
};
