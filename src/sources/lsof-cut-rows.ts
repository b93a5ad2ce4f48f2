// An lsof row cut as it was pasted: the table goes on past it, so the listing is an excerpt however
// whole the rows above it look. Each test reads the row's last word, which lsof always prints whole.
import { SPACE } from './lsof-words.js';

const TAB = 9;
const COLON = 58;

/**
 * The fixed words lsof prints as a NAME (or its end) for what has no path: an anonymous inode's
 * (`anon_inode`, `[eventpoll]` …), a socket's (`can't identify protocol`, `protocol: TCP`,
 * `type=STREAM`), a pipe's. A last word that is a strict beginning of one (`anon_i`) was cut.
 */
const FIXED_NAMES = [
  'anon_inode',
  '[eventpoll]',
  '[eventfd]',
  '[timerfd]',
  '[signalfd]',
  '[pidfd]',
  'inotify',
  'identify',
  'protocol',
  'type=STREAM',
  'type=DGRAM',
  'type=SEQPACKET',
  'pipe',
];

/** The first bytes of the fixed words. */
const FIRST_BYTES = new Set(FIXED_NAMES.map((f) => f.charCodeAt(0)));

/** Why the row [start, end) was cut as pasted, or undefined for a whole row. */
export function cutRowReason(b: Buffer, start: number, end: number): string | undefined {
  let e = end;
  while (e > start && (b[e - 1] === SPACE || b[e - 1] === TAB)) e--;
  if (e - start >= 3 && b[e - 1] === 62 /* > */ && b[e - 2] === 45 /* - */)
    return 'the row ends in an arrow that points at nothing: the paste was cut inside it';
  // The row's last word, walked once: [w, e), and whether it holds a colon.
  let w = e;
  let colon = false;
  while (w > start && b[w - 1] !== SPACE && b[w - 1] !== TAB && e - w <= MAX_WORD) {
    if (b[w - 1] === COLON) colon = true;
    w--;
  }
  if (w === e || w === start || (b[w - 1] !== SPACE && b[w - 1] !== TAB)) return undefined;
  if (!colon && inetNameCut(b, start, w)) return "the row's TCP or UDP address has no port: the paste was cut inside it";
  if (e - w <= MAX_FIXED && FIRST_BYTES.has(b[w])) {
    const last = b.toString('latin1', w, e);
    if (fixedNameCut(last) && wordsAtLeast(b, start, e, MIN_ROW_WORDS))
      return `the row's name stops inside lsof's word for it (${last}): the paste was cut inside it`;
  }
  return undefined;
}

/** Past this a last word is no address lsof prints whole; past MAX_FIXED no fixed word. */
const MAX_WORD = 255;
const MAX_FIXED = 20;

/** An lsof row has a COMMAND, PID, USER, FD, TYPE, DEVICE and NAME at least: prose ending in `pip` is none. */
const MIN_ROW_WORDS = 6;

/** Whether [start, e) holds at least `n` blank-separated words. */
function wordsAtLeast(b: Buffer, start: number, e: number, n: number): boolean {
  let words = 0;
  for (let i = start; i < e && words < n; i++) {
    const blank = b[i] === SPACE || b[i] === TAB;
    if (!blank && (i === start || b[i - 1] === SPACE || b[i - 1] === TAB)) words++;
  }
  return words >= n;
}

/** `anon_i`, `[eventp`, `ident`: three or more characters of a fixed NAME word, not all of it. */
function fixedNameCut(word: string): boolean {
  return word.length >= 3 && FIXED_NAMES.some((f) => f.length > word.length && f.startsWith(word));
}

const T = 84;
const C = 67;
const P = 80;
const U = 85;
const D = 68;

/**
 * An internet socket's row cut inside its address (bitly/oauth2_proxy#44's last row, `google_au 2340
 * root 3u IPv4 98542 0t0 TCP local`): lsof names a TCP or UDP socket `host:port` (`*:8200`,
 * `[::1]:53`, `a:1->b:2 (STATE)`), always with a colon, so a last word with none after `TCP`/`UDP`
 * was cut as pasted. Only on a row of TYPE IPv4/IPv6; w is where the last word starts, after a blank.
 */
function inetNameCut(b: Buffer, start: number, w: number): boolean {
  if (w - start < 5 || b[w - 5] !== SPACE) return false;
  const tcp = b[w - 4] === T && b[w - 3] === C && b[w - 2] === P;
  const udp = b[w - 4] === U && b[w - 3] === D && b[w - 2] === P;
  if (!tcp && !udp) return false;
  const head = b.toString('latin1', start, w - 4);
  return head.includes(' IPv4 ') || head.includes(' IPv6 ');
}
