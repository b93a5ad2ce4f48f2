// One strace line, read into its parts. Pure: it knows the output format, not what calls mean.
//   8585  18:59:57.748682 connect(26<socket:[37344]>, {sa_family=AF_INET, ...}, 16) = -1 EINPROGRESS (Operation now in progress) <0.000125>
//   [pid  8585] 18:59:57.748700 <... futex resumed>) = 0 <0.000210>
//   8585  18:59:57.748800 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, ...} ---
//   8585  18:59:57.748900 +++ exited with 0 +++
import { isDigit, MAX_FD, parseTimeText, readFd, readUint } from './syntax.js';

/** The latest time a `-ttt` epoch may hold (9999-12-31T23:59:59Z): later ones are no times. */
const MAX_EPOCH_SECONDS = 253402300799;

interface LineHead {
  /** From `[pid N]` or a leading `N ` column; undefined: the line has neither. */
  tid: number | undefined;
  bracket: boolean;
  /** The printed time in seconds (-tt: since midnight); undefined: no time column. */
  time: number | undefined;
  /** The time has colons (-tt, -t). */
  clock: boolean;
}

export interface Result {
  /** The number returned (an fd, a size, 0), -1 on failure; undefined: `?`, or not a value. */
  value: number | undefined;
  errno?: string;
  /** The -y annotation of a returned fd: `socket:[37344]`, `/var/log/a.log`. */
  note?: string;
  /** As printed, without the -T duration: `-1 EINPROGRESS (Operation now in progress)`. */
  text: string;
  /** A number strace does not print (`-0x7fffffff`, more digits than a double holds). */
  invalid: boolean;
}

export interface CallLine {
  kind: 'call';
  head: LineHead;
  name: string;
  /** Between the parentheses; for an unfinished call, what was printed of them. */
  args: string;
  /** undefined: unfinished, or no `) = ` to split at (a cut line). */
  result: Result | undefined;
  unfinished: boolean;
  /** -T: seconds spent in the call. */
  duration: number | undefined;
  /** The first argument is an fd with a -y annotation (`3</var/log/a.log>`). */
  fdNoted: boolean;
}

export type StraceLine =
  | CallLine
  /** `<... NAME resumed>REST`: REST (without the duration) goes on from the unfinished call's arguments. */
  | { kind: 'resumed'; head: LineHead; name: string; rest: string; duration: number | undefined }
  | { kind: 'signal'; head: LineHead; signal: string; duration: number | undefined }
  | { kind: 'exit'; head: LineHead; detail: string; duration: number | undefined }
  /**
   * Anything else. `head` undefined: no line of a thread (blank, a `strace:` note, a time column
   * that is no time: `problem` says why).
   */
  | { kind: 'other'; head: LineHead | undefined; attached?: number; problem?: string; duration: number | undefined };

const UNFINISHED = ' <unfinished ...>';
// strace -p names the process it traces when it attaches and again when it lets go: a paste that
// starts late still ends with `Process 9259 detached`, after the `^C` the terminal echoed for the
// interrupt that ended the capture (`^Cstrace: Process 9259 detached`). strace detaches in the
// order it attached, so the first such line names the traced process under -f too.
const ATTACHED = /^(?:\^C)?(?:strace: )?Process (\d+) (?:attached|detached)/;

// strace writing to a terminal prints its note that it attached a new child (`-f`) the moment it
// does, in the middle of the forking call's line: `clone3({flags=CLONE_VM|CLONE_VFORK, …}, 88strace:
// Process 2908 attached`. The call's head goes on later — in a `<... clone3 resumed>) = 2908` line,
// or (strace tracing one process, no pid column yet) in the next line, `, child_tidptr=0x7f…) = 977`.
const GLUED_NOTE = /strace: Process (\d{1,10}) attached(?: with \d{1,6} threads)?$/;

/**
 * A call's head with strace's attach note glued after it → the head as an unfinished call's line
 * and the pid attached. undefined: no note glued after text (a note alone is no call's head).
 */
export function splitGluedNote(text: string): { head: string; attached: number } | undefined {
  const at = text.lastIndexOf('strace: Process ');
  if (at <= 0 || text.charCodeAt(at - 1) === 94 /* ^ */) return undefined;
  const m = GLUED_NOTE.exec(text.slice(at));
  if (m === null || text.indexOf('(') === -1 || text.indexOf('(') > at) return undefined;
  return { head: text.slice(0, at) + UNFINISHED, attached: Number(m[1]) };
}

export function parseLine(text: string): StraceLine {
  let i = 0;
  let tid: number | undefined;
  let bracket = false;
  const c0 = text.charCodeAt(0);
  if (c0 === 91 /* [ */ && text.startsWith('[pid', 0)) {
    let j = 4;
    while (text.charCodeAt(j) === 32) j++;
    const [v, e] = readUint(text, j);
    if (v < 0 || text.charCodeAt(e) !== 93 /* ] */) return { kind: 'other', head: undefined, duration: undefined };
    tid = v;
    bracket = true;
    i = e + 1;
  } else if (isDigit(c0)) {
    let v = 0;
    let e = 0;
    for (let c = c0; isDigit(c); c = text.charCodeAt(++e)) v = v * 10 + (c - 48);
    if (v <= Number.MAX_SAFE_INTEGER && text.charCodeAt(e) === 32) {
      tid = v;
      i = e;
    }
  } else if (
    (c0 === 115 /* s */ && text.startsWith('strace: ')) ||
    (c0 === 80 /* P */ && text.startsWith('Process ')) ||
    (c0 === 94 /* ^ */ && text.startsWith('^Cstrace: '))
  ) {
    // Older strace prints its notes without the `strace: ` prefix.
    const m = ATTACHED.exec(text);
    return { kind: 'other', head: undefined, attached: m ? Number(m[1]) : undefined, duration: undefined };
  } else if (text === '') return { kind: 'other', head: undefined, duration: undefined };
  while (text.charCodeAt(i) === 32) i++;
  let time: number | undefined;
  let clock = false;
  if (isDigit(text.charCodeAt(i))) {
    const sp = text.indexOf(' ', i);
    if (sp === -1) return { kind: 'other', head: undefined, duration: undefined };
    const v = parseTimeText(text, i, sp);
    clock = text.lastIndexOf(':', sp) >= i;
    if (!validTime(v, clock))
      return {
        kind: 'other',
        head: undefined,
        problem: `a time column that is no time (${text.slice(i, Math.min(sp, i + 40))})`,
        duration: undefined,
      };
    time = v;
    i = sp + 1;
    while (text.charCodeAt(i) === 32) i++;
  }
  const head: LineHead = { tid, bracket, time, clock };
  const duration = durationOf(text);
  const bodyEnd = duration === undefined ? text.length : durationFrom;
  const b = text.charCodeAt(i);
  if (b === 60 /* < */) {
    const end = text.startsWith('<... ', i) ? text.indexOf(' resumed>', i + 5) : -1;
    if (end === -1) return { kind: 'other', head, duration };
    return { kind: 'resumed', head, name: text.slice(i + 5, end), rest: text.slice(end + 9, bodyEnd), duration };
  }
  if (b === 45 /* - */) {
    if (!text.startsWith('--- SIG', i)) return { kind: 'other', head, duration };
    const sp = text.indexOf(' ', i + 4);
    return { kind: 'signal', head, signal: text.slice(i + 4, sp === -1 ? undefined : sp), duration };
  }
  if (b === 43 /* + */) {
    if (!text.startsWith('+++ ', i)) return { kind: 'other', head, duration };
    return { kind: 'exit', head, detail: text.slice(i + 4, text.lastIndexOf(' +++')).trim(), duration };
  }
  const paren = text.indexOf('(', i);
  if (paren === -1) return { kind: 'other', head, duration };
  const name = text.slice(i, paren);
  const fdNoted = noteAfterDigits(text, paren + 1);
  if (text.endsWith(UNFINISHED)) {
    return {
      kind: 'call',
      head,
      name,
      args: text.slice(paren + 1, text.length - UNFINISHED.length),
      result: undefined,
      unfinished: true,
      duration,
      fdNoted,
    };
  }
  const split = splitCall(text.slice(paren + 1, bodyEnd));
  return {
    kind: 'call',
    head,
    name,
    args: split ? split.args : text.slice(paren + 1, bodyEnd),
    result: split?.result,
    unfinished: false,
    duration,
    fdNoted,
  };
}

/**
 * `ARGS) = RESULT` → its two parts, at the last ` = ` (without -tt strace pads short calls:
 * `<... write resumed>)              = 223`). null: no `)` before it (a line cut short). Also
 * takes a resumed call rejoined with its unfinished head.
 */
export function splitCall(body: string): { args: string; result: Result } | null {
  const eq = body.lastIndexOf(' = ');
  if (eq === -1) return null;
  let close = eq;
  while (close > 0 && body.charCodeAt(close - 1) === 32) close--;
  if (body.charCodeAt(close - 1) !== 41 /* ) */) return null;
  return { args: body.slice(0, close - 1), result: parseResult(body.slice(eq + 3)) };
}

/** A result without its duration: `26<socket:[1]>`, `-1 ECONNREFUSED (Connection refused)`, `0`, `? ERESTARTSYS (...)`, `0x7f00`. */
export function parseResult(text: string): Result {
  const c = text.charCodeAt(0);
  if (c === 45 /* - */) {
    if (text.charCodeAt(1) === 49 && text.charCodeAt(2) === 32 && isUpper(text.charCodeAt(3)))
      return { value: -1, errno: wordAt(text, 3), text, invalid: false };
    return { value: undefined, text, invalid: true };
  }
  if (c === 63 /* ? */) return { value: undefined, errno: isUpper(text.charCodeAt(2)) ? wordAt(text, 2) : undefined, text, invalid: false };
  if (c === 48 /* 0 */ && text.charCodeAt(1) === 120 /* x */) {
    const hex = /^0x([0-9a-f]{1,13})\b/i.exec(text);
    return hex ? { value: parseInt(hex[1], 16), text, invalid: false } : { value: undefined, text, invalid: true };
  }
  if (!isDigit(c)) return { value: undefined, text, invalid: false };
  let v = 0;
  let k = 0;
  for (let d = c; isDigit(d); d = text.charCodeAt(++k)) v = v * 10 + (d - 48);
  // No call returns a number past MAX_FD that strace prints in decimal.
  if (v > MAX_FD) return { value: undefined, text, invalid: true };
  if (text.charCodeAt(k) !== 60 /* < */) return { value: v, text, invalid: false };
  const fd = readFd(text, 0);
  return { value: v, note: fd?.note, text, invalid: false };
}

/** A printed time that can be one: a number not after MAX_EPOCH_SECONDS, a clock within one day. */
export function validTime(v: number, clock: boolean): boolean {
  return v <= MAX_EPOCH_SECONDS && (!clock || v < 86400);
}

/** Where the duration durationOf found starts (its ` <`). */
let durationFrom = -1;

/** The -T duration ` <DIGITS.DIGITS>` ending the line, in seconds, read from its end (durationFrom: where it starts). */
function durationOf(text: string): number | undefined {
  const end = text.length - 1;
  if (text.charCodeAt(end) !== 62 /* > */) return undefined;
  let v = 0;
  let place = 1;
  let fraction = 0;
  let k = end - 1;
  for (; k > 0; k--) {
    const c = text.charCodeAt(k);
    if (isDigit(c)) {
      v += (c - 48) * place;
      place *= 10;
    } else if (c === 46 /* . */ && fraction === 0) fraction = place;
    else break;
  }
  if (place === 1 || text.charCodeAt(k) !== 60 /* < */ || text.charCodeAt(k - 1) !== 32) return undefined;
  durationFrom = k - 1;
  return fraction === 0 ? v : v / fraction;
}

/** Digits at `i` followed by `<`: an fd with a -y annotation. */
function noteAfterDigits(text: string, i: number): boolean {
  let k = i;
  while (isDigit(text.charCodeAt(k))) k++;
  return k > i && text.charCodeAt(k) === 60;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function wordAt(text: string, i: number): string {
  const sp = text.indexOf(' ', i);
  return sp === -1 ? text.slice(i) : text.slice(i, sp);
}
