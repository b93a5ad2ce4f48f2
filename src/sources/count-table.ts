// `... | sort | uniq -c | sort -nr | head`: a count per key, e.g. the write-up's
//   lsof -n|awk '{print $2}'| sort | uniq -c | sort -nr | head
//   65966 25204
//   5374 20179
// What the key is (a pid, a command name, a TYPE) comes from the command, which is kept. A loop
// that prints each process's fd count (proc-fd-count-loop.ts) prints such rows too.
import type { CountTableArtifact } from './artifacts.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';
import { hasOption } from '../command-words.js';
import { isStderrLine } from '../bundle/stderr-notices.js';
import { isElision } from '../bundle/elided-count.js';
import { fdCountLoop, loopFormat, loopRowText } from './proc-fd-count-loop.js';
import { straceLines } from './strace/sniff.js';

/** The key runs to the end of the line; its trailing blanks are trimmed in code (`\S.*?\s*$` backtracks). Counts: at most 15 digits (numbers.ts). */
const ROW = /^\s*(\d{1,15}) +(\S.*)$/;
/**
 * A note the paster typed after a row's key, a shell comment set apart by two blanks or more
 * (codegraph#644: `52057 REG      # regular files held open at idle`): no part of the key.
 */
function noteStart(text: string): number {
  // Each `#` looks back over the blanks before it only (a pattern would retry every run of blanks).
  for (let i = text.indexOf('#'); i > 0; i = text.indexOf('#', i + 1)) {
    if (!BLANK.test(text[i + 1] ?? '')) continue;
    let from = i;
    while (from > 0 && BLANK.test(text[from - 1])) from--;
    if (i - from >= 2) return from;
  }
  return -1;
}
const BLANK = /\s/;

/** A row's key without its trailing blanks and the paster's note after it. */
function keyOf(text: string): string {
  const at = noteStart(text);
  return (at > 0 ? text.slice(0, at) : text).trimEnd();
}

/** An fd's link target, as /proc/PID/fd shows it: a key that holds one is a listing's row. */
const FD_TARGET = /(?:socket|pipe):\[\d+\]|anon_inode:/;
/**
 * A key that is one link target and nothing else (`anon_inode:[eventfd]`, `pipe:[123]`): a row of a
 * tally of fds by target (`… | awk '{print $11}' | sort | uniq -c`, or a program's own fd scan by
 * category), pasted without its command — not busybox lsof's `1  /usr/bin/app  98  anon_inode:[pidfd]`.
 */
const TARGET_KEY = /^(?:(?:socket|pipe):\[\d{1,20}\]|anon_inode:\S{1,80})$/;
/** uniq -c right-aligns its counts in 7 columns. */
const UNIQ_PADDED = /^ {1,6}\d+ \S/;
/**
 * A line the paster typed between the command and its rows (`result after just a few minutes:`):
 * words ending with a colon, no digit-led count. Read as no row only above the first row.
 */
const CAPTION = /^[A-Za-z][\w ,'()/-]{0,100}:\s*$/;
/**
 * A header the paster typed over the rows, naming the columns in capitals with the count first
 * (containerd#5670's `COUNT PID USER     COMMAND         COMMAND                        PPID` over
 * `uniq -c` of `ps --no-headers -o '%p %U %c %a %P'`): no row. Read as none only above the first row.
 */
const TYPED_HEADER = /^\s{0,8}COUNT(?:\s{1,40}[A-Z%][A-Z%_-]{0,20}){1,12}\s{0,20}$/;

/** A line the paster typed above a tally's first row: a caption ending in a colon, or a header of its columns. */
function isCaption(text: string): boolean {
  return CAPTION.test(text) || TYPED_HEADER.test(text);
}
/**
 * `uniq -c`'s count of empty lines: its key is empty (`      2`, the trailing blank stripped by the
 * paste) — what `awk '{print $9}'` prints for lsof rows with fewer fields. Says nothing of any key.
 */
const EMPTY_KEY = /^\s*\d{1,15}\s*$/;

/** Whether a line is a `uniq -c` row of the empty key (only under a command that runs `uniq -c`). */
export function emptyKeyRow(text: string, command: string | undefined): boolean {
  return EMPTY_KEY.test(text) && hasOption(command, 'uniq', 'c', 'count');
}

/**
 * Where a `uniq -c` tally's rows end, line by line: `uniq -c` prints no blank line, so a line that
 * is no row (nor an elision) after a blank one is the paster's own text in the same block
 * (codegraph#555's `Process details:` under its tally, inside the fence). True from that line on.
 */
export function tallyEnd(command: string | undefined): (text: string) => boolean {
  const uniq = hasOption(command, 'uniq', 'c', 'count');
  let sawRow = false;
  let afterBlank = false;
  let ended = false;
  return (text) => {
    if (!uniq || ended) return ended;
    if (text.trim() === '') {
      afterBlank = sawRow;
      return false;
    }
    const row = ROW.test(text);
    if (afterBlank && !row && !isElision(text)) return (ended = true);
    if (row) sawRow = true;
    afterBlank = false;
    return false;
  };
}

/** The lines of a `uniq -c` tally's output up to where its rows end (tallyEnd). */
export function tallyLines(lines: readonly string[], command: string | undefined): readonly string[] {
  const ends = tallyEnd(command);
  const at = lines.findIndex((l) => ends(l));
  return at === -1 ? lines : lines.slice(0, at);
}

/** An uncut `uniq -c` of a host's lsof has one row per pid: thousands at most. */
const MAX_ROWS = 20_000;

/** Whether half or more of the lines are system calls as strace prints them (a pid column before each). */
function syscallRows(lines: string[]): boolean {
  return straceLines(lines).calls * 2 >= lines.length;
}

function descending(counts: readonly number[]): boolean {
  return counts.every((c, i) => i === 0 || c <= counts[i - 1]);
}

export const countTable: SourceParser<CountTableArtifact> = {
  id: 'count-table',
  title: 'Counts per key (sort | uniq -c | sort -nr)',
  detect({ head, command }) {
    // `...` under the rows (codegraph#555's `| head -20` pasted with `    ...`): rows left out, no row.
    const all = tallyLines(head, command).filter((l) => l.trim() !== '' && !isStderrLine(l, command) && !isElision(l));
    // A caption above the rows of a `uniq -c` (the command says what they are).
    const uniq = hasOption(command, 'uniq', 'c', 'count');
    const captioned = uniq && all.length > 1 && isCaption(all[0]) ? all.slice(1) : all;
    // A per-process loop's printf with words (`PID %6d has %4d FDs`): its lines read through the format.
    const format = loopFormat(command);
    const lines = captioned.filter((l) => !emptyKeyRow(l, command));
    if (lines.length === 0) return 0;
    const rows = lines.map((l) => ROW.exec(loopRowText(l, format) ?? ''));
    if (!rows.every((m) => m !== null)) return 0;
    if (uniq || fdCountLoop(command)) return 0.95;
    // `26285 1587782597.981465 recvmsg(6, {…}) = 87 <0.000030>`: an strace -f file's lines (its tid
    // column, then the call) — not counts, though every one starts with a number; the block's cut last
    // line (`… recvmsg(3, {msg_name=NULL, ms`) is no call, so strace's own share is lower (rsyslog#4257).
    if (syscallRows(lines)) return 0;
    // `1  /usr/bin/app  98  anon_inode:[pidfd]`: busybox lsof (pid, exe, fd, target), not counts.
    if (rows.some((m) => FD_TARGET.test(m![2]) && !TARGET_KEY.test(m![2].trimEnd()))) return 0;
    // `ps ax | grep x` rows start with a pid too.
    if (command && /^\s*(?:sudo\s+)?ps\s/.test(command)) return 0;
    // A single `N word` line is as likely a `wc -l file` or anything else.
    if (lines.length < 2) return 0.25;
    const counts = rows.map((m) => Number(m![1]));
    const padded = lines.every((l) => UNIQ_PADDED.test(l));
    if (descending(counts) && (padded || lines.length >= 3)) return 0.8;
    return padded ? 0.7 : 0.4;
  },
  sink(ctx) {
    const out: CountTableArtifact = { records: 0, rows: [] };
    if (ctx.command) out.command = ctx.command;
    let dropped = 0;
    const format = loopFormat(ctx.command);
    const ended = tallyEnd(ctx.command);
    return {
      line(text, n) {
        if (ended(text)) return;
        if (text.trim() === '' || isStderrLine(text, ctx.command) || emptyKeyRow(text, ctx.command) || isElision(text)) return;
        const m = ROW.exec(loopRowText(text, format) ?? '');
        if (!m && out.records === 0 && isCaption(text) && hasOption(ctx.command, 'uniq', 'c', 'count')) return;
        if (!m) {
          ctx.warn(n, `not a "count key" row: ${text.slice(0, 80)}`);
          return;
        }
        out.records++;
        if (out.rows.length >= MAX_ROWS) {
          dropped++;
          return;
        }
        out.rows.push({ count: Number(m[1]), key: keyOf(m[2]), ev: ref(ctx.file, n, text) });
      },
      end() {
        if (dropped > 0) ctx.warn(undefined, `${dropped} rows past the first ${MAX_ROWS} were counted but not kept`);
        if (out.records === 0) ctx.warn(undefined, 'no "count key" rows found');
        return out;
      },
    };
  },
};
