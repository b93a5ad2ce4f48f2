// A bare number, e.g. `lsof | wc -l` → 75924 or `netstat -nat | wc -l` → 368 (or what `wc` with no
// option prints, `ls | wc` → `47 47 132`: its first number, the lines). What it counts is in the
// command, which is kept; without a command the number means little, so detection is
// weak. A number from /proc/sys/fs/file-max and friends belongs to kernel-files instead. A count
// timed by a `date` run first (`date; ss -antp | grep -i close | wc -l`) prints date's line above
// the number: that line is the time, not a second number.
import type { LineCountArtifact } from './artifacts.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';
import { hasOption } from '../command-words.js';
import { isStderrLine } from '../bundle/stderr-notices.js';
import { countsNameWords } from '../bundle/known-commands.js';
import { datesFirst } from '../bundle/timed-count.js';
import { dateOutput } from '../bundle/date-output.js';

/** At most 15 digits: a longer number is no count fdleak can use (see numbers.ts). Elvish prints values after `▶ `. */
export const BARE_NUMBER = /^\s*(?:▶ )?(\d{1,15})\s*$/;
/**
 * A count with the words its writer put after it (`474226 open file descriptors`): only after a
 * command that prints one bare count (`… | wc -l`, `grep -c`), and only words (no digit, no path).
 */
const NOTED_NUMBER = /^\s*(\d{1,15}) +[A-Za-z][A-Za-z' ]{0,80}$/;
/**
 * A count with the words its writer typed before it (`  Before start of a program   : 4473`, `After
 * the start of a program 6989`): only under a command that prints one count, only words (no digit,
 * no path) and an optional colon.
 */
const LABELLED_NUMBER = /^\s*[A-Za-z](?:[A-Za-z' ]{0,80}[A-Za-z'])?\s{0,8}:?\s{1,8}(\d{1,15})\s*$/;
/**
 * `wc -l FILE` prints the file's name after the count (`148 conns.txt`); so does a pipeline read as
 * one from output saved to that file (`cmd > conns.txt`, then `wc -l conns.txt`).
 */
const NAMED_COUNT = /^\s*(\d{1,15}) +([\w./@%+-]{1,400})\s*$/;
/** What `wc` with no option prints for its input: lines, words and bytes (`ls | wc` → `47 47 132`). */
const WC_TRIPLE = /^\s*(\d{1,15})\s+\d{1,15}\s+\d{1,15}\s*$/;
/** Commands and names that make a bare number a kernel file limit. */
export const KERNEL_FILES_HINT = /file-max|file-nr|nr_open/;

export const lineCount: SourceParser<LineCountArtifact> = {
  id: 'line-count',
  title: 'A counted number (… | wc -l)',
  detect({ head, name, command }) {
    const lines = withoutDateLine(
      head.filter((l) => l.trim() !== '' && !isStderrLine(l, command)),
      command,
    );
    if (lines.length === 1 && bareWc(command) && WC_TRIPLE.test(lines[0])) return 0.95;
    if (
      lines.length === 1 &&
      countsLines(command) &&
      (NOTED_NUMBER.test(lines[0]) || LABELLED_NUMBER.test(lines[0]) || countsFile(command, lines[0]))
    )
      return 0.9;
    if (lines.length !== 1 || !BARE_NUMBER.test(lines[0])) return 0;
    if (KERNEL_FILES_HINT.test(command ?? '') || (!command && KERNEL_FILES_HINT.test(name))) return 0.2;
    if (!command) return 0.3;
    return countsLines(command) ? 0.95 : 0.5;
  },
  sink(ctx) {
    let found: { value: number; n: number; text: string } | undefined;
    let seen = 0;
    return {
      line(text, n) {
        if (text.trim() === '' || isStderrLine(text, ctx.command)) return;
        if (seen++ === 0 && isDateLine(text, ctx.command)) return;
        const m =
          BARE_NUMBER.exec(text) ??
          (bareWc(ctx.command) ? WC_TRIPLE.exec(text) : null) ??
          (countsLines(ctx.command)
            ? (NOTED_NUMBER.exec(text) ?? LABELLED_NUMBER.exec(text) ?? (countsFile(ctx.command, text) ? NAMED_COUNT.exec(text) : null))
            : null);
        if (!m) {
          ctx.warn(n, `not a bare number: ${text.slice(0, 80)}`);
          return;
        }
        if (found) {
          ctx.warn(n, `a second number (${m[1]}); keeping the first (${found.value})`);
          return;
        }
        found = { value: Number(m[1]), n, text };
      },
      end() {
        if (!found) {
          ctx.warn(undefined, 'no number found');
          // The contract has no empty form: NaN (null in JSON) with records 0 says "no value".
          const empty: LineCountArtifact = { records: 0, value: Number.NaN, ev: ref(ctx.file, 1) };
          if (ctx.command) empty.command = ctx.command;
          return empty;
        }
        const out: LineCountArtifact = { records: 1, value: found.value, ev: ref(ctx.file, found.n, found.text) };
        if (ctx.command) out.command = ctx.command;
        return out;
      },
    };
  },
};

/** date(1)'s line, alone, first under a command that runs `date` before what it counts. */
function isDateLine(line: string, command: string | undefined): boolean {
  if (!datesFirst(command ?? '')) return false;
  const date = dateOutput(line);
  return date !== undefined && date.count === undefined;
}

/** The output's lines without date's line above the count (`date; … | wc -l`). */
function withoutDateLine(lines: string[], command: string | undefined): string[] {
  return lines.length > 0 && isDateLine(lines[0], command) ? lines.slice(1) : lines;
}

/** A pipeline that ends in `wc` with no option and no file: it prints lines, words and bytes of its input. */
function bareWc(command: string | undefined): boolean {
  const last = command?.split('|').pop()?.trim();
  return last === 'wc' || last?.endsWith('/wc') === true;
}

/** A pipeline that prints one count of lines: `… | wc -l`, `grep -c`, fish's `| count`. */
function countsLines(command: string | undefined): boolean {
  if (!command) return false;
  return (
    hasOption(command, 'wc', 'l', 'lines') ||
    hasOption(command, 'grep', 'c', 'count') ||
    /\|\s*count\s*$/.test(command) ||
    countsNameWords(command)
  );
}

/** `148 conns.txt` under `wc -l` (`wc -l conns.txt`, or a pipeline ending in `wc -l`): the count of that file's lines. */
function countsFile(command: string | undefined, line: string): boolean {
  const last = command?.split('|').pop()?.trim().split(/\s+/);
  const name = NAMED_COUNT.exec(line)?.[2];
  return last?.[0] === 'wc' && name !== undefined && /\D/.test(name);
}
