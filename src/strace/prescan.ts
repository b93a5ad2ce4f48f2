// The WebAssembly prescan of strace chunks (wasm/prescan.ts, built into dist/prescan.wasm). Most lines
// of a busy process are calls the analysis does not look at (resumptions of such calls included),
// writes to an fd whose samples are full (their `<unfinished ...>` halves held until they resume), or
// fcntl/getsockopt calls that change no fd's fate. In the settled shape (`TID  HH:MM:SS.ffffff
// name(...`) the prescan finds each line's end 16 bytes at a time and takes those lines itself,
// counting them as the sink would; it lists the others for the sink to read, in order, with the clock
// as it stood before each. Without the module (not built, no WebAssembly SIMD) or with FDLEAK_NO_WASM
// set, the sink reads every line itself, with the same result.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';

/** Per thread, what the prescan counted: lines, the first and last of them, and their times. */
export interface PrescanThread {
  tid: number;
  lines: number;
  firstLine: number;
  lastLine: number;
  firstTime: number;
  lastTime: number;
}

/** Per (tid, fd) handed over with countPair(), the writes the prescan counted. */
export interface PrescanWrites {
  tid: number;
  fd: number;
  count: number;
  bytes: number;
}

/**
 * The slots of a listed line (Prescan.listed, as Int32 and Float64): start, end (its LF or the
 * chunk's end), line number, flag; the clock before it (last printed clock, day); and for a flag-0
 * line, what the prescan read as skipFast reads it: its tid, where its call starts (-1: not read),
 * and its printed time.
 */
export const LISTED = { ints: 12, floats: 6, start: 0, end: 1, line: 2, flag: 3, clock: 2, day: 3, tid: 8, callAt: 9, printed: 5 } as const;

/** What a prescan counted, for the sink to merge (see Prescan.result). */
export interface PrescanResult {
  threads: PrescanThread[];
  writes: PrescanWrites[];
  /** The lines of the first and last time taken (-1: none), and those times. */
  takenLines: [number, number];
  firstTime: number;
  lastTime: number;
  /** Lines taken that the sink counts as parsed (writes past their samples, fcntl, getsockopt). */
  counted: number;
  /** A write showed -s cutting its string. */
  truncated: boolean;
}

export interface Prescan {
  /**
   * Makes buf[from, to) the chunk the next scans read: copied in, or already there when buf is one
   * of `inputs`. Returns where buf[from] is in the input (scan() and listed offsets count from
   * there), or -1: it does not fit (the sink reads it).
   */
  load(buf: Uint8Array, from: number, to: number): number;
  /**
   * Where chunks are loaded, two of them back to back: a file read straight into them needs no copy,
   * and one can be read into while the other is scanned.
   */
  inputs: [Buffer, Buffer];
  /** The number of the chunk's first line. */
  setLine(n: number): void;
  /**
   * Takes what it can of the chunk from `from` on and lists the other lines (see `listed`); returns
   * how many it listed. When the last one listed is a stop, the sink hands the clock back after
   * reading it. next() is where to go on.
   */
  scan(from: number, to: number): number;
  next(): number;
  /**
   * Per listed line, LISTED.ints Int32 slots (LISTED.floats Float64 ones): see LISTED. Flag 1: a
   * stop. Flag 2: the `<unfinished ...>` line of a write the prescan held, for the sink to pend: start
   * and end in `memory`, and its time and tid in place of the clock.
   */
  listed: Int32Array;
  listedClock: Float64Array;
  /** The module's memory (held lines are read from it). */
  memory: Uint8Array;
  /**
   * Lists every write it holds (flag 2) for the sink to pend, before the sink reads lines itself or
   * ends. Returns how many.
   */
  handBackHeld(): number;
  /** The next line's number, and the CRs before LFs, since setLine(). */
  line(): number;
  crlf(): number;
  /** The clock the prescan and the sink share: last clock, day offset; first and last time taken (NaN: none). */
  clock: Float64Array;
  /** The sink reads part of a file (seam mode): it reads every resumption line itself. */
  setSeam(on: boolean): void;
  /** The sink holds a call of `tid` pending, so that its resumption is the sink's to read. */
  markPending(tid: number): void;
  /** From now on the writes of (tid, fd) are the prescan's to count; false: no room (the sink counts them). */
  countPair(tid: number, fd: number, pathKnown: boolean): boolean;
  reset(): void;
  /** Its counts since reset(). */
  result(): PrescanResult;
  /** The sink using it (one at a time: its tables are the sink's until its end()). */
  owner: object | null;
  /** Calls of scan() so far (tests). */
  scans: number;
}

interface Exports {
  memory: WebAssembly.Memory;
  stateAt(): number;
  threadsAt(): number;
  slots(): number;
  pairsAt(): number;
  pairSlots(): number;
  listedAt(): number;
  list(): number;
  inputAt(): number;
  capacity(): number;
  addInteresting(h: number): void;
  addWrite(h: number, length: number, bytes: bigint): void;
  countPair(tid: number, fd: number, pathKnown: number): number;
  setSeam(on: number): void;
  markPending(tid: number): number;
  reset(): void;
  setLine(n: number): void;
  scan(from: number, to: number): number;
  next(): number;
  nextLine(): number;
  crlfSeen(): number;
  parsedCounted(): number;
  sawTruncated(): number;
  handBackHeld(): number;
}

/** The module's place in the package. */
export const PRESCAN_WASM = join(PACKAGE_ROOT, 'dist', 'prescan.wasm');

let instance: { prescan: Prescan; key: string } | null | undefined;

/**
 * The prescan of this thread, told which call-name hashes the sink reads and which are writes (every
 * sink reads the same calls). null: not available.
 */
export function loadPrescan(interesting: number[], writes: { hash: number; name: string }[]): Prescan | null {
  const key = `${[...interesting].sort((a, b) => a - b).join(',')} ${writes.map((w) => `${w.hash}:${w.name}`).sort().join(',')}`;
  if (instance === undefined) instance = instantiate(interesting, writes, key);
  return instance !== null && instance.key === key ? instance.prescan : null;
}

/** Whether this thread's prescan loaded, and how many scans it ran (tests). */
export function prescanState(): { loaded: boolean; scans: number } {
  return { loaded: instance !== undefined && instance !== null, scans: instance?.prescan.scans ?? 0 };
}

const THREAD_BYTES = 32;
const PAIR_BYTES = 24;

function instantiate(interesting: number[], writes: { hash: number; name: string }[], key: string): { prescan: Prescan; key: string } | null {
  if (process.env.FDLEAK_NO_WASM) return null;
  let ex: Exports;
  try {
    ex = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(PRESCAN_WASM))).exports as unknown as Exports;
    for (const h of interesting) ex.addInteresting(h);
    for (const w of writes) {
      if (w.name.length > 8) throw new Error(`write call name too long: ${w.name}`);
      let packed = 0n;
      for (let k = w.name.length - 1; k >= 0; k--) packed = (packed << 8n) | BigInt(w.name.charCodeAt(k));
      ex.addWrite(w.hash, w.name.length, packed);
    }
  } catch {
    return null;
  }
  const buffer = ex.memory.buffer;
  const memory = new Uint8Array(buffer);
  const ints = new Int32Array(buffer);
  const floats = new Float64Array(buffer);
  const input = ex.inputAt();
  const capacity = ex.capacity();
  const state = ex.stateAt();
  const threadTable = ex.threadsAt();
  const pairTable = ex.pairsAt();
  const prescan: Prescan = {
    load(buf, from, to) {
      if (buf.buffer === buffer && (buf.byteOffset === input || buf.byteOffset === input + capacity)) return buf.byteOffset - input + from;
      if (to - from > capacity) return -1;
      memory.set(buf.subarray(from, to), input);
      return 0;
    },
    inputs: [Buffer.from(buffer, input, capacity), Buffer.from(buffer, input + capacity, capacity)],
    setLine: (n) => ex.setLine(n),
    scan(from, to) {
      prescan.scans++;
      return ex.scan(from, to);
    },
    next: () => ex.next(),
    listed: new Int32Array(buffer, ex.listedAt(), ex.list() * LISTED.ints),
    listedClock: new Float64Array(buffer, ex.listedAt(), ex.list() * LISTED.floats),
    memory,
    handBackHeld: () => ex.handBackHeld(),
    line: () => ex.nextLine(),
    crlf: () => ex.crlfSeen(),
    clock: new Float64Array(buffer, state, 4),
    setSeam: (on) => ex.setSeam(on ? 1 : 0),
    // A tid the prescan cannot hold (no room, or out of its range) has its lines listed anyway.
    markPending: (tid) => {
      if (tid >= 0 && tid < 999_999_999) ex.markPending(tid);
    },
    countPair: (tid, fd, pathKnown) => tid >= 0 && tid < 999_999_999 && fd >= 0 && fd <= 999_999_999 && ex.countPair(tid, fd, pathKnown ? 1 : 0) === 1,
    reset: () => ex.reset(),
    result() {
      const threads: PrescanThread[] = [];
      for (let s = 0; s < ex.slots(); s++) {
        const at = (threadTable + s * THREAD_BYTES) >> 2;
        if (ints[at] === 0 || ints[at + 1] === 0) continue;
        threads.push({ tid: ints[at] - 1, lines: ints[at + 1], firstLine: ints[at + 2], lastLine: ints[at + 3], firstTime: floats[(at >> 1) + 2], lastTime: floats[(at >> 1) + 3] });
      }
      const writes: PrescanWrites[] = [];
      for (let s = 0; s < ex.pairSlots(); s++) {
        const at = (pairTable + s * PAIR_BYTES) >> 2;
        if (ints[at] === 0 || ints[at + 3] === 0) continue;
        writes.push({ tid: ints[at] - 1, fd: ints[at + 1], count: ints[at + 3], bytes: floats[(at >> 1) + 2] });
      }
      return {
        threads, writes, takenLines: [ints[(state + 32) >> 2], ints[(state + 36) >> 2]], firstTime: prescan.clock[2], lastTime: prescan.clock[3],
        counted: ex.parsedCounted(), truncated: ex.sawTruncated() === 1,
      };
    },
    owner: null,
    scans: 0,
  };
  return { prescan, key };
}
