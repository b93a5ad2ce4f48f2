// A shell loop that prints one fd count per process, the usual way to find the process with the
// most fds without lsof:
//   for p in /proc/[0-9]*; do echo "$(ls $p/fd | wc -l) ${p#/proc/}"; done | sort -n | tail
//   for pid in $(pgrep java); do echo "$pid $(ls /proc/$pid/fd | wc -l)"; done
// Each line is `COUNT KEY` or `KEY COUNT`, in the order the loop's echo prints them; the key is the
// pid or its /proc folder. Read over the command's characters: it is untrusted text.

import { substitutionSpans } from '../command-words.js';
import { minOf } from '../many-values.js';
import { count } from './numbers.js';

export interface FdCountLoop {
  /** The echo prints the count before the process. */
  countFirst: boolean;
}

const LOOP_VARIABLE = /\bfor\s{1,8}([A-Za-z_]\w{0,31})\s{1,8}in\s/;

/** The loop a command runs when it prints one `ls …/fd | wc -l` per process; null for any other command. */
export function fdCountLoop(command: string | undefined): FdCountLoop | null {
  if (!command) return null;
  const loop = LOOP_VARIABLE.exec(command);
  if (!loop) return null;
  // What prints the line: `echo "$(…) $p"`, or `printf '%7d %s\n' $(…) ${p#/proc/}` (fdleak collect's own).
  const printers = [command.indexOf('echo', loop.index), command.indexOf('printf', loop.index)].filter((at) => at !== -1);
  if (printers.length === 0) return null;
  const echo = minOf(printers);
  const count = countSubstitution(command, echo);
  if (!count) return null;
  // The variable where the line prints it: before the count's $( … ) or after it.
  const before = refersTo(command, loop[1], echo, count.from);
  if (!before && !refersTo(command, loop[1], count.to, command.length)) return null;
  return { countFirst: !before };
}

/** Whether [from, to) of the command uses the variable: `$p`, `${p}`, `${p#/proc/}` (not `$pid` for `p`). */
function refersTo(command: string, variable: string, from: number, to: number): boolean {
  for (let at = command.indexOf('$', from); at !== -1 && at < to; at = command.indexOf('$', at + 1)) {
    const start = command[at + 1] === '{' ? at + 2 : at + 1;
    if (command.startsWith(variable, start) && !/\w/.test(command[start + variable.length] ?? '')) return true;
  }
  return false;
}

/** The first `$( … ls …/fd … | wc -l )` after `from` (`$(basename $p)` before it is passed over): where it starts and ends, or null. */
function countSubstitution(command: string, from: number): { from: number; to: number } | null {
  for (const span of substitutionSpans(command, MAX_COUNT_CHARS)) {
    if (span.from < from) continue;
    const inner = command.slice(span.from + 2, span.to - 1);
    const words = inner.split(/[\s|]+/);
    const listsFds = words.includes('ls') && words.some((w) => /\/fd\/?$/.test(w));
    const pipes = inner.split('|').map((s) => s.trim().split(/\s+/));
    const last = pipes[pipes.length - 1];
    if (listsFds && last[0] === 'wc' && last.includes('-l')) return span;
  }
  return null;
}

/** A count's substitution is one short pipeline (`$(ls /proc/$p/fd 2>/dev/null | wc -l)`). */
const MAX_COUNT_CHARS = 500;

/** A key as the loop prints it, `5400`, `/proc/5400`, or with the process's name after it (`5400 python3`, its comm). */
export function loopKey(key: string): { pid: number; name?: string } | undefined {
  const m = /^(?:\/proc\/)?(\d{1,10})\/?(?:\s+(\S.{0,63}))?$/.exec(key.trim());
  if (!m) return undefined;
  return m[2] ? { pid: Number(m[1]), name: m[2] } : { pid: Number(m[1]) };
}

/**
 * The rest of a line a loop printed with the process first (`$p` before the count), its count last:
 * `362`, or `telemd 362` when the echo also prints the process's name between them
 * (`echo "$p $(cat /proc/$p/comm) $(ls /proc/$p/fd | wc -l)"`, as one types on BusyBox with no
 * lsof). The count is the last word; the words before it are the name. Undefined when the last word
 * is no count. Read without a pattern over the whole line: it is untrusted text.
 */
export function loopValue(rest: string): { value: number; name?: string } | undefined {
  const text = rest.trim();
  const cut = Math.max(text.lastIndexOf(' '), text.lastIndexOf('\t'));
  const value = count(text.slice(cut + 1));
  if (value === undefined) return undefined;
  const name = text.slice(0, Math.max(cut, 0)).trim();
  if (name.length > MAX_NAME_CHARS) return undefined;
  return name ? { value, name } : { value };
}

/** A process's name as a loop prints it: its comm (15 characters) or a short command line. */
const MAX_NAME_CHARS = 64;

/** A printf format is one short quoted word (`"PID %6d has %4d FDs\n"`). */
const MAX_FORMAT_CHARS = 200;

/**
 * The literal text of the loop's printf format around its two conversions (`for pid in
 * /proc/[0-9]*; do printf "PID %6d has %4d FDs\n" $(basename $pid) $(ls $pid/fd | wc -l); done`
 * → `PID `, ` has `, ` FDs `), or null: no printf, a format of another shape, or no loop. The lines
 * the loop prints are that text around a pid and a count.
 */
export function loopFormat(command: string | undefined): string[] | null {
  if (!command || !fdCountLoop(command)) return null;
  const loop = LOOP_VARIABLE.exec(command);
  const at = loop ? command.indexOf('printf', loop.index) : -1;
  if (at === -1) return loop ? echoPieces(command, loop[1], loop.index) : null;
  let open = at + 'printf'.length;
  while (command[open] === ' ' || command[open] === '\t') open++;
  const quote = command[open];
  if (quote !== '"' && quote !== "'") return null;
  const close = command.indexOf(quote, open + 1);
  if (close === -1 || close - open > MAX_FORMAT_CHARS) return null;
  return formatPieces(command.slice(open + 1, close));
}

/** The literal pieces of a format with exactly two conversions (`%d`, `%6d`, `%-7s` …); `\n` and the like are blanks. */
function formatPieces(format: string): string[] | null {
  const pieces: string[] = [];
  let literal = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '\\') {
      literal += ' ';
      i++;
      continue;
    }
    if (ch !== '%') {
      literal += ch;
      continue;
    }
    if (format[i + 1] === '%') {
      literal += '%';
      i++;
      continue;
    }
    let j = i + 1;
    while (j < format.length && '-+ #0123456789.'.includes(format[j])) j++;
    if (!'dsiu'.includes(format[j] ?? '?')) return null;
    pieces.push(literal);
    literal = '';
    i = j;
  }
  pieces.push(literal);
  return pieces.length === 3 ? pieces : null;
}

/**
 * A line the loop printed, as `VALUE VALUE` in the format's order (`PID   8588 has 1024 FDs` →
 * `8588 1024`); the line itself when the format prints no words between its values (`%7d %s`, read
 * as it always was); undefined when the line does not fit the format's words.
 */
export function loopRowText(line: string, pieces: string[] | null): string | undefined {
  if (!pieces) return line;
  const [head, middle, tail] = pieces.map((p) => p.replace(/\s+/g, ''));
  if (head === '' && middle === '' && tail === '') return line;
  if (middle === '') return undefined;
  const text = line.replace(/\s+/g, '');
  if (!text.startsWith(head) || !text.endsWith(tail)) return undefined;
  const end = text.length - tail.length;
  const split = text.indexOf(middle, head.length + 1);
  if (split === -1 || split + middle.length >= end) return undefined;
  return `${text.slice(head.length, split)} ${text.slice(split + middle.length, end)}`;
}

/**
 * The literal text of the loop's echo around the process and its count, as a printf format's
 * (`for p in 11553 11555; do echo $p: $(ls /proc/$p/fd | wc -l); done` prints `11553: 15` → ``,
 * `:`, ``); quotes and echo's options are no part of it. Null when anything else is expanded there.
 */
function echoPieces(command: string, variable: string, from: number): string[] | null {
  const echo = command.indexOf('echo', from);
  if (echo === -1) return null;
  const count = countSubstitution(command, echo);
  if (!count) return null;
  const end = argumentsEnd(command, echo, count);
  const before = variableAt(command, variable, echo + 4, count.from);
  const after = before ?? variableAt(command, variable, count.to, end);
  if (!after) return null;
  const [first, second] = before ? [before, count] : [count, after];
  const pieces = [command.slice(echo + 4, first.from), command.slice(first.to, second.from), command.slice(second.to, end)];
  // Another expansion, or another command (`echo -n "pid=$p "; echo $(…)`), between them: no format.
  if (pieces.some((p) => /[$`;|&\n]/.test(p))) return null;
  pieces[0] = pieces[0].replace(/^\s{0,8}(?:-[neE]{1,3}\s{1,8}){0,3}/, '');
  const words = pieces.map((p) => p.replace(/["']/g, ''));
  // No words between or around them (`echo "$p $(…)"`): the line reads as it is, no format.
  return words.every((w) => w.trim() === '') ? null : words;
}

/** Where the echo's words end: the first `;`, `|`, `&`, newline or `done` past its count's `$( … )`. */
function argumentsEnd(command: string, echo: number, count: { from: number; to: number }): number {
  const rest = /[;|&\n]|\bdone\b/.exec(command.slice(count.to));
  const end = rest ? count.to + rest.index : command.length;
  return Math.max(end, echo + 4);
}

/** Where [from, to) of the command expands the variable (`$p`, `${p}`, `${p#/proc/}`), or null. */
function variableAt(command: string, variable: string, from: number, to: number): { from: number; to: number } | null {
  for (let at = command.indexOf('$', from); at !== -1 && at < to; at = command.indexOf('$', at + 1)) {
    const braced = command[at + 1] === '{';
    const start = braced ? at + 2 : at + 1;
    if (!command.startsWith(variable, start) || /\w/.test(command[start + variable.length] ?? '')) continue;
    const close = braced ? command.indexOf('}', start) : start + variable.length - 1;
    if (close === -1 || close >= to) return null;
    return { from: at, to: close + 1 };
  }
  return null;
}
