// The numbers an lsof row's columns hold, read on the row's bytes (lsof.ts reads a million rows of
// a host): a deleted file's SIZE/OFF, a pipe's or a unix socket's NODE, an internet socket's inode
// (its DEVICE on Linux), the number a word ends with; and a short word (a TYPE) as text.
import type { FdKind } from './artifacts.js';
import type { TypeInfo } from './lsof-row-kind.js';
import { SPACE, digitsValue, isDigit, isDigits } from './lsof-words.js';

/** Start of the word that ends at `end` (exclusive), in a row that starts at `from`. */
export function wordStart(buf: Uint8Array, from: number, end: number): number {
  let i = end;
  while (i > from && buf[i - 1] !== SPACE) i--;
  return i;
}

/** A word of at most 16 bytes as text (a TYPE); '' for a longer one. */
export function shortWord(buf: Uint8Array, from: number, to: number): string {
  return to - from <= 16 ? String.fromCharCode(...buf.subarray(from, to)) : '';
}

/** A size in bytes: up to 15 digits (exact; see numbers.ts), else -1 (an offset `0t…`, a damaged row). */
export function sizeOf(buf: Uint8Array, from: number, to: number): number {
  return to > from && to - from <= 15 && isDigits(buf, from, to) ? digitsValue(buf, from, to) : -1;
}

/** The number that ends at `end` (its word all digits), -1 when there is none. */
export function numberEndingAt(buf: Uint8Array, s: number, end: number): number {
  if (!isDigit(buf[end - 1])) return -1;
  const from = wordStart(buf, s, end);
  return isDigits(buf, from, end) ? digitsValue(buf, from, end) : -1;
}

/** A pipe's or a unix socket's inode, its NODE word [from, to); -1 for another row or a NODE that is no number. */
export function nodeOf(kind: FdKind, cut: boolean, buf: Uint8Array, from: number, to: number): number {
  if ((kind !== 'pipe' && kind !== 'socket-unix') || cut || to - from > 15 || !isDigits(buf, from, to)) return -1;
  return digitsValue(buf, from, to);
}

/** Longest inode read from DEVICE (digits). */
const MAX_INODE_DIGITS = 15;

/**
 * An internet socket's inode: Linux lsof prints it as the DEVICE of an IPv4 / IPv6 row, the word
 * after TYPE (`IPv4 1803652 0t0 TCP …`); BSD's is a kernel address (`0x…`), not read. -1 for any
 * other row, or an fd lsof cut (`*27u`).
 */
export function inetInode(type: TypeInfo, buf: Uint8Array, typeEnd: number, e: number, cut: boolean): number {
  if (cut || (type.name !== 'IPv4' && type.name !== 'IPv6')) return -1;
  let i = typeEnd;
  while (i < e && buf[i] === SPACE) i++;
  const from = i;
  while (i < e && i - from <= MAX_INODE_DIGITS && isDigit(buf[i])) i++;
  if (i === from || i - from > MAX_INODE_DIGITS || i >= e || buf[i] !== SPACE) return -1;
  return digitsValue(buf, from, i);
}
