// AssemblyScript, compiled to dist/prescan.wasm by `npm run build` (see src/strace/prescan.ts), with a
// fixed memory of 52 pages (3.25 MB): the layout below ends at ~3.21 MB (two inputs of 1 MB: the
// file is read ahead into one while the other is scanned).
//
// Prescan of a chunk of strace lines, in the settled shape `TID  HH:MM:SS.ffffff name(...`. It finds
// each line's end 16 bytes at a time and takes three kinds of lines itself, as callFast, countWrite,
// irrelevant and countLine take them (src/strace/stream.ts), byte for byte: calls the analysis does
// not look at, writes to an fd whose samples are full (only counted; an `<unfinished ...>` one is held
// until it resumes, see HELD), and fcntl/getsockopt calls that neither set FD_CLOEXEC, dup an fd nor
// read SO_ERROR (only counted). Such a line counts for its thread at its time. Every other line is listed for the sink to read, with the clock as it stood before that line;
// the clock goes on past it as the sink will move it (its printed time, read as here). At a line whose
// time it cannot read, the prescan stops; the sink reads that line and hands the clock back.

/** Interesting call-name hashes: an open-addressing set of 1024 slots (hash + 1; 0 = empty). */
const HASHES: usize = 64 << 10;
/** The write calls: 16 slots of hash + 1 (u32), length (u32), name bytes (u64, little-endian). */
const WRITES: usize = HASHES + 4096;
/** Per thread (tid + 1 as key): lines taken, the first and last of them (-1: none yet) (i32), and their times (f64). */
const THREADS: usize = WRITES + 256;
const SLOTS: i32 = 4096;
const SLOT: usize = 32;
/** Counted (tid, fd) pairs: tid + 1, fd, path known (i32), count (i32), bytes (f64). */
const PAIRS: usize = THREADS + <usize>SLOTS * SLOT;
const PAIR_SLOTS: i32 = 8192;
const PAIR: usize = 24;
/**
 * Per thread slot: bit 1 (MAYBE_PENDING) when the thread may have a call pending in the sink (it had
 * an unfinished call the sink reads, and no well-formed resumption since); bit 2 (SEAM_DONE) once the
 * sink has read a well-formed resumption of the thread (in seam mode, until then every resumption
 * line of the thread may be an orphan, and is the sink's to read). A resumption line of a thread with
 * no call pending is a call the sink skips.
 */
const MAYBE_PENDING: u8 = 1;
const SEAM_DONE: u8 = 2;
const PENDING: usize = PAIRS + <usize>PAIR_SLOTS * PAIR;
/** Per thread slot: the held write it has pending (its index + 1; 0: none), see HELD. */
const HELD_OF: usize = PENDING + <usize>SLOTS;
/**
 * Writes whose `<unfinished ...>` line the prescan took (to an fd whose samples are full), held until
 * their resumption: pair slot, tid, line, -s cut (i32), the call name's offset and length in the saved
 * line, the saved line's length (i32), its time (f64); then the line itself, SAVED bytes at most.
 */
const HELD: usize = HELD_OF + <usize>SLOTS * 4;
const HELD_MAX: i32 = 64;
const HELD_ENTRY: usize = 48;
const SAVED: usize = 1024;
const HELD_LINES: usize = HELD + <usize>HELD_MAX * HELD_ENTRY;
/** The clock, shared with the sink: last printed clock, day offset; first and last time taken (f64), their lines (i32). */
const STATE: usize = HELD_LINES + <usize>HELD_MAX * SAVED;
/**
 * Listed lines: start, end (its LF, or the chunk's end), line number, flag (i32); last clock, day
 * (f64); then what the prescan read of a flag-0 line, as skipFast reads it: its tid, where its call
 * starts (-1: not read) (i32), its printed time (f64). Flag 0: a line of the chunk; 1: a stop (a
 * line whose time the prescan could not read); 2: a held write's `<unfinished ...>` line for the sink
 * to pend (start and end in memory, not the chunk; its time and tid in place of the clock).
 */
const LISTED: usize = STATE + 64;
const LIST: i32 = 16384;
const ENTRY: usize = 48;
const INPUT: usize = LISTED + <usize>LIST * ENTRY;
const CAPACITY: i32 = 1 << 20;

export function stateAt(): usize { return STATE; }
export function threadsAt(): usize { return THREADS; }
export function slots(): i32 { return SLOTS; }
export function pairsAt(): usize { return PAIRS; }
export function pairSlots(): i32 { return PAIR_SLOTS; }
export function listedAt(): usize { return LISTED; }
export function list(): i32 { return LIST; }
export function inputAt(): usize { return INPUT; }
export function capacity(): i32 { return CAPACITY; }

export function addInteresting(h: u32): void {
  let s = h & 1023;
  while (load<u32>(HASHES + (<usize>s << 2)) != 0) s = (s + 1) & 1023;
  store<u32>(HASHES + (<usize>s << 2), h + 1);
}

@inline function interesting(h: u32): bool {
  let s = h & 1023;
  let v = load<u32>(HASHES + (<usize>s << 2));
  while (v != 0 && v != h + 1) {
    s = (s + 1) & 1023;
    v = load<u32>(HASHES + (<usize>s << 2));
  }
  return v != 0;
}

/** A write call's name (up to 8 bytes, packed little-endian into `bytes`). */
export function addWrite(h: u32, length: u32, bytes: u64): void {
  let s = h & 15;
  while (load<u32>(WRITES + (<usize>s << 4)) != 0) s = (s + 1) & 15;
  const at = WRITES + (<usize>s << 4);
  store<u32>(at, h + 1);
  store<u32>(at + 4, length);
  store<u64>(at + 8, bytes);
}

/** The call name at [i, j) with hash h is a write call's. */
function isWrite(h: u32, i: usize, j: usize): bool {
  if (j - i > 8) return false;
  let s = h & 15;
  let at = WRITES + (<usize>s << 4);
  let v = load<u32>(at);
  while (v != 0 && v != h + 1) {
    s = (s + 1) & 15;
    at = WRITES + (<usize>s << 4);
    v = load<u32>(at);
  }
  if (v == 0 || <usize>load<u32>(at + 4) != j - i) return false;
  let packed: u64 = 0;
  for (let k = j; k > i; k--) packed = (packed << 8) | <u64>load<u8>(k - 1);
  return packed == load<u64>(at + 8);
}

@inline function digit(p: usize): i32 {
  const c = <i32>load<u8>(p) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Where the last number() ended. */
let numberEnd: usize = 0;

/**
 * The decimal number at p (before stop), or -1: no digit, or more than 9 (an i32 would wrap where
 * JavaScript's number does not: the sink reads such a line). Sets numberEnd.
 */
@inline function number(p: usize, stop: usize): i32 {
  let k = p;
  let v: i32 = 0;
  while (k < stop) {
    const d = digit(k);
    if (d < 0) break;
    v = v * 10 + d;
    k++;
  }
  numberEnd = k;
  return k == p || k - p > 9 ? -1 : v;
}

/** Threads in the table; past 3/4 of the slots, lines of new threads are listed for the sink. */
let used: i32 = 0;
/** Lines taken that the sink counts as parsed (writes, fcntl, getsockopt), and whether a write showed `-s` cutting its string. */
let counted: i32 = 0;
let truncated: i32 = 0;
export function parsedCounted(): i32 { return counted; }
export function sawTruncated(): i32 { return truncated; }

/** A new sink: no thread, no pair, no time taken. */
export function reset(): void {
  memory.fill(THREADS, 0, <usize>SLOTS * SLOT);
  memory.fill(PAIRS, 0, <usize>PAIR_SLOTS * PAIR);
  memory.fill(PENDING, 0, <usize>SLOTS);
  memory.fill(HELD_OF, 0, <usize>SLOTS * 4);
  heldMask = 0;
  busyMask = 0;
  used = 0;
  counted = 0;
  truncated = 0;
  store<f64>(STATE + 16, NaN);
  store<f64>(STATE + 24, NaN);
  store<i32>(STATE + 32, -1);
  store<i32>(STATE + 36, -1);
}

/** The pair's slot (its offset), or 0 when absent. `add`: make it (0 when full). */
function pairOf(tid: i32, fd: i32, add: bool): usize {
  const key = tid + 1;
  let s = <i32>((<u32>key * 2654435761 ^ <u32>fd * 40503) & <u32>(PAIR_SLOTS - 1));
  for (let probes = 0; probes < PAIR_SLOTS; probes++) {
    const at = PAIRS + <usize>s * PAIR;
    const k = load<i32>(at);
    if (k == key && load<i32>(at + 4) == fd) return at;
    if (k == 0) {
      if (!add) return 0;
      store<i32>(at, key);
      store<i32>(at + 4, fd);
      return at;
    }
    s = (s + 1) & (PAIR_SLOTS - 1);
  }
  return 0;
}

/** The sink reads parts of a file (seam mode): every resumption line is its to read. */
let seam: i32 = 0;
export function setSeam(on: i32): void { seam = on; }

/** The sink holds a call of `tid` pending (when it takes the prescan). Returns 0 when there is no room. */
export function markPending(tid: i32): i32 {
  const t = slotOf(tid);
  if (t == 0) return 0;
  const flag = PENDING + (t - THREADS) / SLOT;
  store<u8>(flag, load<u8>(flag) | MAYBE_PENDING);
  return 1;
}

/** The sink's samples of (tid, fd) are full: its writes are counted here from now on. Returns 0 when there is no room. */
export function countPair(tid: i32, fd: i32, pathKnown: i32): i32 {
  const at = pairOf(tid, fd, true);
  if (at == 0) return 0;
  store<i32>(at + 8, pathKnown);
  return 1;
}

/** The number of the next line, and the CRs before LFs seen (both set by the sink at each chunk). */
let line: i32 = 0;
let crlf: i32 = 0;
export function setLine(n: i32): void {
  line = n;
  crlf = 0;
}
export function nextLine(): i32 { return line; }
export function crlfSeen(): i32 { return crlf; }
/** Where the last scan() stopped: the offset of the next line to look at. */
let nextAt: i32 = 0;
export function next(): i32 { return nextAt; }

/** Where thread key `key` (tid + 1) is in the table, or the empty slot where it would go. */
@inline function probeSlot(key: i32): usize {
  let s = key & (SLOTS - 1);
  let at = THREADS + <usize>s * SLOT;
  let k = load<i32>(at);
  while (k != key && k != 0) {
    s = (s + 1) & (SLOTS - 1);
    at = THREADS + <usize>s * SLOT;
    k = load<i32>(at);
  }
  return at;
}

/** The slot of `tid` (its offset), or 0: not there and no room. */
function slotOf(tid: i32): usize {
  const at = probeSlot(tid + 1);
  if (load<i32>(at) == 0) {
    if (used * 4 >= SLOTS * 3) return 0;
    used++;
    store<i32>(at, tid + 1);
    store<i32>(at + 8, -1);
    store<f64>(at + 16, NaN);
  }
  return at;
}

/** The slot of `tid` (its offset), or 0: not there. */
function findSlot(tid: i32): usize {
  const at = probeSlot(tid + 1);
  return load<i32>(at) == 0 ? 0 : at;
}

/** What parse() found: a line taken, one with a readable time, or one without. */
const TAKE: i32 = 0;
const TIMED: i32 = 1;
const UNTIMED: i32 = 2;
let lineTid: i32 = 0;
/** Where the call of the line parse() read starts (after its time). */
let lineCallAt: usize = 0;
let lineSlot: usize = 0;
let linePrinted: f64 = 0;

/**
 * Lists the lines of input[from, to) it does not take (up to LIST of them). Returns how many it
 * listed; the last one listed may be a stop (flag 1): the sink hands the clock back after it.
 */
export function scan(from: i32, to: i32): i32 {
  let pos: usize = INPUT + <usize>from;
  const end: usize = INPUT + <usize>to;
  const nl = i8x16.splat(10);
  listedCount = 0;
  // The sink has read the lines handed back in the last batch: their entries are free again.
  busyMask = heldMask;
  // Room for the line and for every held write it may hand back first.
  while (pos < end && listedCount + HELD_MAX + 1 < LIST) {
    let e = pos;
    for (;;) {
      const m = i8x16.bitmask(i8x16.eq(v128.load(e), nl));
      if (m != 0) {
        e += <usize>ctz(m);
        break;
      }
      e += 16;
      if (e >= end) break;
    }
    if (e > end) e = end;
    let stop = e;
    if (stop > pos && load<u8>(stop - 1) == 13) {
      stop--;
      crlf++;
    }
    const kind = parse(pos, stop);
    if (kind == TAKE) {
      take();
    } else {
      // The sink reads a stop with the time and tid it finds itself: it holds every pending write first.
      if (kind == UNTIMED && heldMask != 0) handBackAll();
      const at = LISTED + <usize>listedCount * ENTRY;
      store<i32>(at, <i32>(pos - INPUT));
      store<i32>(at + 4, <i32>(e - INPUT));
      store<i32>(at + 8, line);
      store<i32>(at + 12, kind == UNTIMED ? 1 : 0);
      store<f64>(at + 16, load<f64>(STATE));
      store<f64>(at + 24, load<f64>(STATE + 8));
      store<i32>(at + 32, lineTid);
      store<i32>(at + 36, kind == UNTIMED ? -1 : <i32>(lineCallAt - INPUT));
      store<f64>(at + 40, linePrinted);
      listedCount++;
      if (kind == UNTIMED) {
        line++;
        pos = e + 1;
        break;
      }
      // The sink moves the clock to this line's printed time: so does the prescan.
      advance(linePrinted);
    }
    line++;
    pos = e + 1;
  }
  nextAt = <i32>(pos - INPUT);
  return listedCount;
}

/** Lines listed by the scan (or handBack) so far. */
let listedCount: i32 = 0;

/** The time advance(printed) will give, without moving the clock. */
@inline function timeOf(printed: f64): f64 {
  const last = load<f64>(STATE);
  const day = load<f64>(STATE + 8);
  return last >= 0 && printed + 43200 < last ? printed + day + 86400 : printed + day;
}

/** setLineTime (clock): a time earlier by more than 12 hours is the next day. Returns the time. */
@inline function advance(printed: f64): f64 {
  const last = load<f64>(STATE);
  if (last >= 0 && printed + 43200 < last) store<f64>(STATE + 8, load<f64>(STATE + 8) + 86400);
  store<f64>(STATE, printed);
  return printed + load<f64>(STATE + 8);
}

/** countLine for the line parse() took. */
function take(): void {
  const t = lineSlot;
  const time = advance(linePrinted);
  if (isNaN(load<f64>(STATE + 16))) {
    store<f64>(STATE + 16, time);
    store<i32>(STATE + 32, line);
  }
  store<f64>(STATE + 24, time);
  store<i32>(STATE + 36, line);
  store<i32>(t + 4, load<i32>(t + 4) + 1);
  store<i32>(t + 12, line);
  if (load<i32>(t + 8) < 0) {
    store<i32>(t + 8, line);
    store<f64>(t + 16, time);
  }
  store<f64>(t + 24, time);
}

const UNFINISHED = " <unfinished ...>";

/** The line [pos, stop) ends with ` <unfinished ...>` (unfinished()). */
function unfinished(pos: usize, stop: usize): bool {
  const n = <usize>UNFINISHED.length;
  if (stop - pos < n) return false;
  for (let k: usize = 0; k < n; k++) if (<u32>load<u8>(stop - n + k) != <u32>UNFINISHED.charCodeAt(<i32>k)) return false;
  return true;
}

const QUOTE: u8 = 34;
const BACKSLASH: u8 = 92;

/** The first byte at or after p that is a or b, 16 bytes at a time; stop when none is before stop. */
@inline function firstOf(p: usize, stop: usize, a: u8, b: u8): usize {
  const va = i8x16.splat(a);
  const vb = i8x16.splat(b);
  while (p < stop) {
    const v = v128.load(p);
    const m = i8x16.bitmask(v128.or(i8x16.eq(v, va), i8x16.eq(v, vb)));
    if (m != 0) return min(p + <usize>ctz(m), stop);
    p += 16;
  }
  return stop;
}

/**
 * countWrite for a write call whose arguments start at k: counts it (true) when its samples are full
 * and it reads as countWrite reads it.
 */
function countWrite(tid: i32, at: usize, stop: usize): bool {
  const fd = number(at, stop);
  if (fd < 0) return false;
  const k = numberEnd;
  const pair = pairOf(tid, fd, false);
  if (pair == 0) return false;
  if (load<u8>(k) == 60 && load<i32>(pair + 8) == 0) return false;
  // quotedIn: the first string argument, and whether `"..."...` shows -s cut it. The string ends at
  // the first `"` not escaped by a `\` (which escapes the byte after it).
  const q = firstOf(k, stop, QUOTE, QUOTE);
  if (q == stop) return false;
  let e = firstOf(q + 1, stop, QUOTE, BACKSLASH);
  while (e < stop && load<u8>(e) == 92) e = firstOf(e + 2, stop, QUOTE, BACKSLASH);
  if (e >= stop) return false;
  const cut = e + 4 <= stop && load<u8>(e + 1) == 46 && load<u8>(e + 2) == 46 && load<u8>(e + 3) == 46;
  // The result after the last ` = `.
  let r = stop - 3;
  while (r > e && !(load<u8>(r) == 32 && load<u8>(r + 1) == 61 && load<u8>(r + 2) == 32)) r--;
  if (r <= e || !countBytes(pair, r + 3, stop)) return false;
  if (cut) truncated = 1;
  return true;
}

/**
 * A write of the pair whose result's digits start at `from` (as many bytes written; none: 0): counted,
 * unless more than 15 digits (a JavaScript number could differ).
 */
function countBytes(pair: usize, from: usize, stop: usize): bool {
  let bytes: i64 = 0;
  let digits = 0;
  for (let d = from; d < stop; d++) {
    const v = digit(d);
    if (v < 0) break;
    if (++digits > 15) return false;
    bytes = bytes * 10 + v;
  }
  store<i32>(pair + 12, load<i32>(pair + 12) + 1);
  store<f64>(pair + 16, load<f64>(pair + 16) + <f64>bytes);
  counted++;
  return true;
}

/**
 * skipFast + callFast for [pos, stop): TAKE (a call it skips, or a write it counts), TIMED (the sink
 * reads it; its pid and clock read as skipFast reads them) or UNTIMED (the sink reads it, and its
 * time is its own to find).
 */
function parse(pos: usize, stop: usize): i32 {
  const tid = number(pos, stop);
  let i = numberEnd;
  if (tid < 0 || load<u8>(i) != 32) return UNTIMED;
  while (load<u8>(i) == 32) i++;
  // HH:MM:SS.ffffff and a space (parseClockBytes), all within the line.
  if (i + 15 >= stop) return UNTIMED;
  if (load<u8>(i + 2) != 58 || load<u8>(i + 5) != 58 || load<u8>(i + 8) != 46 || load<u8>(i + 15) != 32) return UNTIMED;
  const h1 = digit(i), h2 = digit(i + 1), m1 = digit(i + 3), m2 = digit(i + 4), s1 = digit(i + 6), s2 = digit(i + 7);
  const f1 = digit(i + 9), f2 = digit(i + 10), f3 = digit(i + 11), f4 = digit(i + 12), f5 = digit(i + 13), f6 = digit(i + 14);
  if ((h1 | h2 | m1 | m2 | s1 | s2 | f1 | f2 | f3 | f4 | f5 | f6) < 0) return UNTIMED;
  const f = ((((f1 * 10 + f2) * 10 + f3) * 10 + f4) * 10 + f5) * 10 + f6;
  linePrinted = <f64>(((h1 * 10 + h2) * 60 + (m1 * 10 + m2)) * 60 + (s1 * 10 + s2)) + <f64>f / 1e6;
  lineTid = tid;
  i += 16;
  while (load<u8>(i) == 32) i++;
  lineCallAt = i;
  // The thread's slot, looked up once per line (0: no room; its lines are the sink's to read).
  const t = slotOf(tid);
  lineSlot = t;
  if (heldMask != 0 && t != 0) {
    // The thread's held write: its resumption is counted here; any other line of the thread is the
    // sink's to read with the write pending, so the write goes back to the sink first.
    const held = load<i32>(HELD_OF + (t - THREADS) / SLOT * 4);
    if (held != 0) {
      if (resumesHeld(held - 1, i, stop)) return TAKE;
      handBack(held - 1);
    }
  }
  if (i >= stop) return TIMED;
  const c = load<u8>(i);
  if (c == 60) return resumption(t, i, stop);
  if (c == 45 || c == 43) return TIMED;
  let h: u32 = 0;
  let j = i;
  const limit = min(stop, i + 32);
  for (; j < limit; j++) {
    const b = <u32>load<u8>(j);
    if (b == 40) break;
    h = ((h ^ b) * 16777619) & 0x3fffffff;
  }
  if (j == limit || t == 0) return TIMED;
  if (!interesting(h)) return TAKE;
  if (unfinished(pos, stop)) {
    if (isWrite(h, i, j) && holdWrite(tid, t, pos, i, j, stop)) return TAKE;
    // The sink may hold this call pending (it does for the calls it reads).
    const flag = PENDING + (t - THREADS) / SLOT;
    store<u8>(flag, load<u8>(flag) | MAYBE_PENDING);
    return TIMED;
  }
  if (irrelevant(i, j, stop)) {
    counted++;
    return TAKE;
  }
  if (!isWrite(h, i, j)) return TIMED;
  return countWrite(tid, j + 1, stop) ? TAKE : TIMED;
}

/**
 * irrelevant() for a complete call named [i, j): fcntl/fcntl64 without F_SETFD or F_DUPFD, getsockopt
 * without SO_ERROR, after the name. The sink counts such a line as parsed and makes no event.
 */
function irrelevant(i: usize, j: usize, stop: usize): bool {
  const n = j - i;
  if (n == 5 || n == 7) {
    if (!bytesAre(i, "fcntl") || (n == 7 && !bytesAre(i + 5, "64"))) return false;
    return !has(j, stop, "F_SETFD") && !has(j, stop, "F_DUPFD");
  }
  return n == 10 && bytesAre(i, "getsockopt") && !has(j, stop, "SO_ERROR");
}

/** The bytes at p are `word`. */
function bytesAre(p: usize, word: string): bool {
  for (let k = 0; k < word.length; k++) if (<u32>load<u8>(p + <usize>k) != <u32>word.charCodeAt(k)) return false;
  return true;
}

/**
 * A line `<...` at i: a call the sink skips when the thread has no call pending there (callFast);
 * else the sink's to read, and once read the thread has none if the line is a well-formed
 * `<... NAME resumed>` (as lineFn lets a pending call go).
 */
function resumption(t: usize, i: usize, stop: usize): i32 {
  if (t == 0) return TIMED;
  const flag = PENDING + (t - THREADS) / SLOT;
  const bits = load<u8>(flag);
  if ((bits & MAYBE_PENDING) == 0 && (seam == 0 || (bits & SEAM_DONE) != 0)) return TAKE;
  // The sink reads it; once it has, a well-formed one leaves no call pending (and the thread done).
  if (i + 5 <= stop && load<u8>(i + 1) == 46 && load<u8>(i + 2) == 46 && load<u8>(i + 3) == 46 && load<u8>(i + 4) == 32 && has(i + 5, stop, RESUMED)) store<u8>(flag, SEAM_DONE);
  return TIMED;
}

const RESUMED = " resumed>";

/** `word` occurs in [from, to). */
function has(from: usize, to: usize, word: string): bool {
  const n = <usize>word.length;
  if (to < from + n) return false;
  const first = <u32>word.charCodeAt(0);
  for (let k = from; k + n <= to; k++) {
    if (<u32>load<u8>(k) != first) continue;
    let m: usize = 1;
    while (m < n && <u32>load<u8>(k + m) == <u32>word.charCodeAt(<i32>m)) m++;
    if (m == n) return true;
  }
  return false;
}

/** Held writes, one bit each. */
let heldMask: u64 = 0;
/** Entries whose line the sink has still to read: the held ones, and those handed back in this batch. */
let busyMask: u64 = 0;

/**
 * pendFast + resumedWrite for the `<unfinished ...>` line [pos, stop) of a write named [i, j): held
 * (taken, true) when the thread has nothing pending in the sink and the resumption will be counted
 * as resumedWrite counts it: the fd (read as readFd reads the head) is a pair whose samples are full,
 * with its path known if the head shows one, and the head holds the whole string.
 */
function holdWrite(tid: i32, t: usize, pos: usize, i: usize, j: usize, stop: usize): bool {
  if (busyMask == 0xffffffffffffffff || stop - pos > SAVED) return false;
  const bits = load<u8>(PENDING + (t - THREADS) / SLOT);
  if ((bits & MAYBE_PENDING) != 0 || (seam != 0 && (bits & SEAM_DONE) == 0)) return false;
  const headEnd = stop - <usize>UNFINISHED.length;
  const fd = number(j + 1, headEnd);
  if (fd < 0) return false;
  const k = numberEnd;
  // readFd: the annotation ends at the first `>` followed by an argument boundary or the head's end.
  let after = k;
  let noted = false;
  if (k < headEnd && load<u8>(k) == 60) {
    for (let g = k + 1; g < headEnd; g++) {
      if (load<u8>(g) != 62) continue;
      const c = g + 1 == headEnd ? 44 : <u32>load<u8>(g + 1);
      if (c == 44 || c == 41 || c == 93 || c == 32 || c == 125) {
        noted = true;
        after = g + 1;
        break;
      }
    }
  }
  const pair = pairOf(tid, fd, false);
  if (pair == 0 || (noted && load<i32>(pair + 8) == 0)) return false;
  // readQuoted: the first string after the fd, closed within the head.
  let q = after;
  while (q < headEnd && load<u8>(q) != 34) q++;
  if (q >= headEnd) return false;
  let c = q + 1;
  while (c < headEnd) {
    const b = load<u8>(c);
    if (b == 92) c += 2;
    else if (b == 34) break;
    else c++;
  }
  if (c >= headEnd) return false;
  const cut = c + 4 <= headEnd && load<u8>(c + 1) == 46 && load<u8>(c + 2) == 46 && load<u8>(c + 3) == 46;
  const e = <i32>ctz(~busyMask);
  heldMask |= (<u64>1) << <u64>e;
  busyMask |= (<u64>1) << <u64>e;
  const at = HELD + <usize>e * HELD_ENTRY;
  store<i32>(at, <i32>pair);
  store<i32>(at + 4, tid);
  store<i32>(at + 8, line);
  store<i32>(at + 12, cut ? 1 : 0);
  store<i32>(at + 16, <i32>(i - pos));
  store<i32>(at + 20, <i32>(j - i));
  store<i32>(at + 24, <i32>(stop - pos));
  store<f64>(at + 32, timeOf(linePrinted));
  memory.copy(HELD_LINES + <usize>e * SAVED, pos, stop - pos);
  store<i32>(HELD_OF + (t - THREADS) / SLOT * 4, e + 1);
  return true;
}

/**
 * resumedFast + resumedWrite for held write e and the line's call at i: `<... NAME resumed>` then
 * `) = N` (callEnd), counted (true) as the sink counts it; the write is let go.
 */
function resumesHeld(e: i32, i: usize, stop: usize): bool {
  const at = HELD + <usize>e * HELD_ENTRY;
  const nameAt = HELD_LINES + <usize>e * SAVED + <usize>load<i32>(at + 16);
  const n = <usize>load<i32>(at + 20);
  const rest = i + 5 + n + 9;
  if (rest > stop || !bytesAre(i, "<... ") || !bytesAre(i + 5 + n, " resumed>")) return false;
  for (let k: usize = 0; k < n; k++) if (load<u8>(i + 5 + k) != load<u8>(nameAt + k)) return false;
  // callEnd: the last ` = ` of the line, after `)` and padding.
  if (stop < rest + 3) return false;
  let r = stop - 3;
  while (!(load<u8>(r) == 32 && load<u8>(r + 1) == 61 && load<u8>(r + 2) == 32)) {
    if (r == rest) return false;
    r--;
  }
  let close = r;
  while (close > rest && load<u8>(close - 1) == 32) close--;
  if (close == rest || load<u8>(close - 1) != 41 || !countBytes(<usize>load<i32>(at), r + 3, stop)) return false;
  if (load<i32>(at + 12) != 0) truncated = 1;
  letGo(e, false);
  return true;
}

/** Held write e is over: its thread has nothing held. `listed`: its line waits for the sink (the entry stays busy until the next batch). */
function letGo(e: i32, listed: bool): void {
  const t = findSlot(load<i32>(HELD + <usize>e * HELD_ENTRY + 4));
  store<i32>(HELD_OF + (t - THREADS) / SLOT * 4, 0);
  heldMask &= ~((<u64>1) << <u64>e);
  if (!listed) busyMask &= ~((<u64>1) << <u64>e);
}

/** Lists held write e's line for the sink to pend (flag 2): from now on the sink holds the call. */
function handBack(e: i32): void {
  const at = HELD + <usize>e * HELD_ENTRY;
  const tid = load<i32>(at + 4);
  const entry = LISTED + <usize>listedCount * ENTRY;
  const start = HELD_LINES + <usize>e * SAVED;
  store<i32>(entry, <i32>start);
  store<i32>(entry + 4, <i32>start + load<i32>(at + 24));
  store<i32>(entry + 8, load<i32>(at + 8));
  store<i32>(entry + 12, 2);
  store<f64>(entry + 16, load<f64>(at + 32));
  store<f64>(entry + 24, <f64>tid);
  store<i32>(entry + 36, -1);
  listedCount++;
  const t = findSlot(tid);
  const flag = PENDING + (t - THREADS) / SLOT;
  store<u8>(flag, load<u8>(flag) | MAYBE_PENDING);
  letGo(e, true);
}

function handBackAll(): void {
  while (heldMask != 0) handBack(<i32>ctz(heldMask));
}

/** Lists every held write for the sink to pend (before it reads lines itself, or ends). Returns how many. */
export function handBackHeld(): i32 {
  listedCount = 0;
  busyMask = heldMask;
  handBackAll();
  return listedCount;
}
