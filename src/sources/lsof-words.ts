// The pieces of an lsof row, read from its UTF-8 bytes: words split at whitespace as JavaScript's
// \s has it, and the shapes the FD, DEVICE, SIZE/OFF and NODE columns take. Each test means what
// the pattern quoted next to it means on the decoded row, without decoding or splitting it.
import { plainWords } from '../bundle/prose-line.js';
import { normaliseTcpState } from './fd-kind.js';
import { TCP_STATES, type TcpState } from './fd-entry.js';

export const SPACE = 32;
const STAR = 42;
const ZERO = 48;
const NINE = 57;
const OPEN = 40;
const CLOSE = 41;
/** The most words a row is split into: COMMAND PID TID TASKCMD USER FD TYPE, three middle words, NAME. */
const MAX_WORDS = 11;
const DECODER = new TextDecoder();

export function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** Byte length of the whitespace character (\s) at buf[i], 0 when there is none. */
function spaceLength(buf: Uint8Array, i: number, end: number): number {
  const b = buf[i];
  if (b < 0x80) return b === SPACE || (b >= 9 && b <= 13) ? 1 : 0;
  if (b === 0xc2) return i + 1 < end && buf[i + 1] === 0xa0 ? 2 : 0; // U+00A0
  if (i + 2 >= end) return 0;
  const b1 = buf[i + 1];
  const b2 = buf[i + 2];
  if (b === 0xe1) return b1 === 0x9a && b2 === 0x80 ? 3 : 0; // U+1680
  if (b === 0xe2) {
    // U+2000-U+200A, U+2028, U+2029, U+202F, U+205F
    if (b1 === 0x80) return (b2 >= 0x80 && b2 <= 0x8a) || b2 === 0xa8 || b2 === 0xa9 || b2 === 0xaf ? 3 : 0;
    return b1 === 0x81 && b2 === 0x9f ? 3 : 0;
  }
  if (b === 0xe3) return b1 === 0x80 && b2 === 0x80 ? 3 : 0; // U+3000
  if (b === 0xef) return b1 === 0xbb && b2 === 0xbf ? 3 : 0; // U+FEFF
  return 0;
}

/**
 * The words of a row (/\S+/g) as byte offsets, found as far as they are asked for: a row's NAME
 * is never split. Reused from row to row.
 */
export class RowWords {
  /** Words found so far. */
  count = 0;
  readonly starts = new Int32Array(MAX_WORDS);
  readonly ends = new Int32Array(MAX_WORDS);
  private buf: Uint8Array = Buffer.alloc(0);
  private at = 0;
  private to = 0;

  reset(buf: Uint8Array, from: number, to: number): void {
    this.buf = buf;
    this.at = from;
    this.to = to;
    this.count = 0;
  }

  /** Whether the row has a word k (k < MAX_WORDS). */
  has(k: number): boolean {
    while (this.count <= k && this.next());
    return this.count > k;
  }

  /** /^\d{1,15}$/ */
  isCount(k: number): boolean {
    return isDigits(this.buf, this.starts[k], this.ends[k]) && this.ends[k] - this.starts[k] <= 15;
  }

  /** The value of a word that isCount. */
  value(k: number): number {
    return digitsValue(this.buf, this.starts[k], this.ends[k]);
  }

  private next(): boolean {
    const buf = this.buf;
    const to = this.to;
    let i = this.at;
    while (i < to) {
      const b = buf[i];
      if (b === SPACE) i++;
      else if (b > SPACE && b < 0x80) break;
      else {
        const sp = spaceLength(buf, i, to);
        if (sp === 0) break;
        i += sp;
      }
    }
    if (i >= to) return false;
    const start = i;
    while (i < to) {
      const b = buf[i];
      if ((b <= SPACE || b >= 0x80) && spaceLength(buf, i, to) > 0) break;
      i++;
    }
    this.starts[this.count] = start;
    this.ends[this.count++] = i;
    this.at = i;
    return true;
  }
}

export function isDigits(buf: Uint8Array, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) if (!isDigit(buf[i])) return false;
  return true;
}

export function digitsValue(buf: Uint8Array, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (buf[i] - ZERO);
  return v;
}

/** An FD word as FD_WORD reads it: /^(\*?)(\d{1,15})([rwu-]?)(.?)$/. */
export interface FdWord {
  star: boolean;
  digitsFrom: number;
  digitsTo: number;
  /** The access mode character ([rwu-]), 0 when none. */
  mode: number;
}

export function matchFdWord(buf: Uint8Array, from: number, to: number, out: FdWord): boolean {
  let p = from;
  out.star = buf[p] === STAR;
  if (out.star) p++;
  const digits = p;
  while (p < to && p - digits < 15 && isDigit(buf[p])) p++;
  if (p === digits) return false;
  out.digitsFrom = digits;
  out.digitsTo = p;
  const m = p < to ? buf[p] : 0;
  out.mode = m === 114 || m === 119 || m === 117 || m === 45 ? m : 0; // r w u -
  if (out.mode !== 0) p++;
  // (.?)$: at most one more character (one UTF-16 unit once decoded).
  if (to - p <= 1) return true;
  for (let k = p; k < to; k++) if (buf[k] >= 0x80) return DECODER.decode(buf.subarray(p, to)).length === 1;
  return false;
}

const NON_FD = ['cwd', 'rtd', 'txt', 'mem', 'DEL', 'NOFD', 'mmap', 'ltx', 'jld', 'pd', 'tr', 'v86', 'Mxx', 'm86', 'err', 'unk'].map(ascii);

/**
 * /^(cwd|rtd|txt|mem|DEL|NOFD|mmap|ltx|jld|pd|tr|v86|Mxx|m86|err|unk|L\d\d)(-[A-Za-z])?$/: lsof 4.9x
 * prints a lock after a mapped file's word as after an fd's mode (`mem-W`, `mem-R`).
 */
export function isNonFdWord(buf: Uint8Array, from: number, to: number): boolean {
  if (to - from >= 4 && buf[to - 2] === 45 /* - */ && isLetter(buf[to - 1])) to -= 2;
  if (to - from === 3 && buf[from] === 76 /* L */ && isDigit(buf[from + 1]) && isDigit(buf[from + 2])) return true;
  return isOneOf(buf, from, to, NON_FD);
}

const MIDDLE = ['TCP', 'UDP', 'UDPLITE', 'SCTP', 'RAW', 'ICMP', 'STR'].map(ascii);

/** DEVICE, SIZE/OFF and NODE values: /^(\d+,\d+|0x[0-9a-f]+|0t\d+|\d+|TCP|UDP|UDPLITE|SCTP|RAW|ICMP|STR)$/ */
export function isMiddleWord(buf: Uint8Array, from: number, to: number): boolean {
  const c = buf[from];
  if (isDigit(c)) {
    let i = from;
    while (i < to && isDigit(buf[i])) i++;
    if (i === to) return true;
    if (buf[i] === 44 /* , */) return isDigits(buf, i + 1, to);
    if (c !== ZERO || i !== from + 1 || to - i < 2) return false;
    if (buf[i] === 116 /* t */) return isDigits(buf, i + 1, to);
    if (buf[i] !== 120 /* x */) return false;
    for (let k = i + 1; k < to; k++) if (!isDigit(buf[k]) && !(buf[k] >= 97 && buf[k] <= 102)) return false;
    return true;
  }
  return isOneOf(buf, from, to, MIDDLE);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isOneOf(buf: Uint8Array, from: number, to: number, words: readonly Uint8Array[]): boolean {
  for (const w of words) if (equalsAt(buf, from, to, w)) return true;
  return false;
}

/** ipKind's protocols, as NODE prints them. */
export const PROTOCOL = { TCP: ascii('TCP'), UDP: ascii('UDP'), UDPLITE: ascii('UDPLITE') };

export function equalsAt(buf: Uint8Array, from: number, to: number, word: Uint8Array): boolean {
  if (to - from !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (buf[from + k] !== word[k]) return false;
  return true;
}

export function endsWith(buf: Uint8Array, from: number, to: number, tail: Uint8Array): boolean {
  return to - from >= tail.length && equalsAt(buf, to - tail.length, to, tail);
}

/** The states as lsof prints them, read without decoding; any other spelling is decoded and normalised. */
const STATES: TcpState[] = TCP_STATES.filter((s) => s !== 'UNCONN' && s !== 'UNKNOWN');
const STATE_WORDS = STATES.map(ascii);
/** The states by the length of their word: a row's state is compared with those of its length only. */
const STATES_OF_LENGTH: number[][] = [];
for (let k = 0; k < STATES.length; k++) (STATES_OF_LENGTH[STATES[k].length] ??= []).push(k);

/** lsofTcpState on the text [from, to): the state in the trailing `(...)`, undefined without one. */
export function tcpStateOf(buf: Uint8Array, from: number, to: number): TcpState | undefined {
  if (to <= from || buf[to - 1] !== CLOSE) return undefined;
  let open = to - 2;
  while (open >= from && buf[open] !== OPEN) open--;
  if (open < from) return undefined;
  for (const k of STATES_OF_LENGTH[to - 2 - open] ?? []) if (equalsAt(buf, open + 1, to - 1, STATE_WORDS[k])) return STATES[k];
  return normaliseTcpState(DECODER.decode(buf.subarray(open + 1, to - 1)));
}

export function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** Longer lines are no sentence around a quoted row. */
const MAX_SENTENCE = 500;

/**
 * A line of prose around an lsof row quoted in a paragraph (`/var fills up because of file locks`,
 * the row, `Only restarting nginx releases the files and free up disk space.`): four words or
 * more, at least 70 % of them plain words of letters, no tab.
 */
export function isSentenceLine(line: string): boolean {
  if (line.length > MAX_SENTENCE || line.includes('\t')) return false;
  const { words, plain } = plainWords(line);
  return words >= 4 && plain >= words * 0.7;
}

/** lsof TYPEs of an internet socket, whose DEVICE tells which lsof printed the row. */
const INET_TYPES = new Set(['IPv4', 'IPv6']);
/** The start of a DEVICE that is a kernel address: `0x` and at least six hex digits. */
const KERNEL_ADDRESS = /^0x[0-9a-f]{6}/i;

/**
 * Whether an lsof row of an internet socket prints a kernel address as its DEVICE
 * (`java 9581 didi 120u IPv6 0x66767b91b9b00c1d 0t0 TCP …`): macOS's and the BSDs' lsof do; Linux's
 * prints a decimal number there (`IPv4 15320 0t0 TCP`), and a kernel address only for unix
 * sockets, which this does not look at. `type` is the row's TYPE, `row` its text.
 */
export function bsdSocketRow(type: string, row: string): boolean {
  if (!INET_TYPES.has(type)) return false;
  const at = row.indexOf(` ${type} `);
  if (at < 0) return false;
  return KERNEL_ADDRESS.test(row.slice(at + type.length + 2, at + type.length + 40).trimStart());
}
