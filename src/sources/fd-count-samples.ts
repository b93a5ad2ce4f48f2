// An fd count sampled over time by a shell loop, one sample per line:
//   02:35:22 110          while sleep 1; do echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)"; done
//   2026-12-06 02:35:22 110
// or a time on one line and the count on the next (`date +%T; ls /proc/PID/fd | wc -l`); the time
// may be date(1)'s own, `Thu Aug 25 08:53:01 EDT 2016` (`date && lsof -p PID | wc -l`, once per
// prompt: one sample each; `date | tr '\n' ' ' && … | wc -l` in a loop: the count on its line); or bare
// counts from a loop that says its pace and nothing else:
//   while [ -z $FOO ]; do lsof -p 2098 | wc -l;sleep 1;done        → 320, 320, 321 ... one a line
// whose samples are `sleep N` seconds apart at least (timed `+0s`, `+1s` ...: offsets, not times
// of day; the count itself takes time too, so the pace is a lower bound). Whose count it is comes
// from the command (`/proc/PID/fd`, `lsof -p PID`), or a file named like `fd-count-4816.log`; else
// it is an unnamed process's, tied in the model to the process the bundle is about.
import { dateOutput } from '../bundle/date-output.js';
import { UNNAMED_PID, type FdSnapshot, type FdSnapshotsArtifact } from './artifacts.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';
import { containerExec } from './container-exec.js';
import { argumentsOf } from '../command-words.js';
import { datesFirst } from '../bundle/timed-count.js';

/**
 * A time of day, after its date or not; with a date, the zone offset `date --rfc-3339=seconds` and
 * `date -Iseconds` print (`2022-06-07 22:52:14+03:00`) may follow. The offset is dropped: a local
 * time, as a bare `date +%T` is.
 */
const TIME = /(?:\d{4}-\d\d-\d\d[T ])?\d\d:\d\d:\d\d(?:\.\d{1,9})?/;
const OFFSET = /(?:Z|[+-]\d\d:?\d\d)?/;
/** A time and its count on one line, apart by blanks or by a comma (`echo "$(date …), $(… | wc -l)"`). */
const SAMPLE = new RegExp(`^\\s*(${TIME.source})${OFFSET.source},?\\s+(\\d{1,9})\\s*$`);
const TIME_ONLY = new RegExp(`^\\s*(${TIME.source})\\s*$`);
/**
 * A count alone on its line, or with the reporter's note on it after an arrow or a `#`
 * (alacritty#7983's loop pasted as `38 <- new window`, `33 <- closed`; prefect's `800 # flow run
 * start`): the note says what happened at that sample, the number is still the count.
 */
const COUNT_ONLY = /^\s{0,40}(\d{1,9})(?:\s{1,40}(?:<-{1,3}|←|#)\s.{0,120})?\s{0,40}$/;
/** date(1)'s output or a time, then a colon or blanks, then the loop's label: the line's head and its rest. */
const STAMPED_LABEL = new RegExp(
  `^\\s*((?:[A-Z][a-z]{2} {1,2}[A-Z][a-z]{2} {1,2}\\d{1,2} \\d\\d:\\d\\d:\\d\\d(?: [A-Z+-][\\w+-]{0,9})? \\d{4})|${TIME.source})${OFFSET.source}:?\\s{1,8}(\\S.{0,119})$`,
);
/** The count in a label: `fds: 670`, `(fds: 1023)`, `fds=12`, `FDs 40`. */
const FDS_FIELD = /\bfds\s?[:=]?\s?(\d{1,9})\b/gi;

/**
 * A loop's line that stamps a labelled count of the fds it samples, the count the one `fds` field of
 * its label (servo#23905: `echo "$(date): Run $i, (fds: $(ls /proc/$PID/fd | wc -l))"` prints
 * `Thu Aug 29 10:52:34 CDT 2019: Run 15, (fds: 670)`): a sample at that time. Undefined for any other line.
 */
export function labelledDateCount(line: string): { at: string; count: number } | undefined {
  const m = STAMPED_LABEL.exec(line);
  if (!m) return undefined;
  const counts = [...m[2].matchAll(FDS_FIELD)];
  if (counts.length !== 1) return undefined;
  const at = dateOutput(m[1])?.at ?? m[1];
  return { at, count: Number(counts[0][1]) };
}
/** `/proc/4816/fd` in the command, or `fd-count-4816.log` / `fdcount_4816.txt` as the name. */
const PROC_FD = /\/proc\/(\d{1,9})\/fd\b/;
/** lsof's `-p PID` or `-pPID`. */
const LSOF_PID = /^-p(\d{1,9})?$/;
/** A shell loop (`while …; do …; done`, `for …`) that sleeps a fixed time between counts of a pid's fds. */
const SLEEP = /\bsleep\s{1,8}(\d{1,6})(?:s\b|\s|;|$)/;
const PID_IN_NAME = /fd[-_]?counts?[-_.](\d{2,9})(?:\.\w+)?$|(?:^|[/_-])(\d{2,9})[-_.]fd[-_]?counts?(?:\.\w+)?$/;

/**
 * Whose fds the command counts: `/proc/PID/fd` in it, else lsof's `-p PID` (in the segment that runs
 * lsof); `lsof` tells its count is of rows.
 */
function countedPid(command: string | undefined): { pid: number; lsof: boolean } | undefined {
  // Counted inside a container (`kubectl exec pod -- ls /proc/1/fd | wc -l`): no host pid.
  if (!command || containerExec(command) !== undefined) return undefined;
  const proc = PROC_FD.exec(command);
  if (proc) return { pid: Number(proc[1]), lsof: false };
  const args = argumentsOf(command, 'lsof') ?? [];
  for (let i = 0; i < args.length; i++) {
    const m = LSOF_PID.exec(args[i]);
    const pid = m ? (m[1] ?? (/^\d{1,9}$/.test(args[i + 1] ?? '') ? args[i + 1] : undefined)) : undefined;
    if (pid !== undefined) return { pid: Number(pid), lsof: true };
  }
  return undefined;
}

/**
 * A shell loop: a segment that starts with `while`, `until` or `for`, and a later one that starts with
 * `do` — bash's arithmetic `for ((i=0; i<=10; i++)) do`, whose `do` follows the `))`, too. A job
 * started in the background before it (`ab … & for …`) is another command on the line.
 */
function isLoop(command: string): boolean {
  const segments = command.split(/;|(?<![&>|])&(?![&>])/).map((s) => s.trim());
  const head = segments.findIndex((s) => /^(?:while|until|for)\b/.test(s));
  return head >= 0 && segments.slice(head).some((s, i) => (i > 0 && /^do\b/.test(s)) || /\)\)\s{0,8}do\b/.test(s));
}

/** A job started in the background on the loop's line (`ab … & for …`): its output is printed among the counts. */
function backgroundJob(command: string): boolean {
  return /(?<![&>|])&(?![&>])\s{0,8}(?:while|until|for)\b/.test(command);
}

/**
 * The word a closing `grep -c WORD` (or `grep WORD -c`, `--count`) counts the rows of: the loop counts
 * the rows of one kind (`lsof -p 12598 | grep unix -c`), not all the process's fds.
 */
export function grepCountWord(command: string | undefined): string | undefined {
  const args = argumentsOf(command, 'grep');
  if (!args?.some((w) => /^-[a-zA-Z]{0,8}c[a-zA-Z]{0,8}$/.test(w) || w === '--count')) return undefined;
  const word = args.find((w) => !w.startsWith('-'));
  return word?.replace(/^(['"])(.*)\1$/, '$2');
}

export const fdCountSamples: SourceParser<FdSnapshotsArtifact> = {
  id: 'fd-count-samples',
  title: 'fd counts over time (a shell loop of ls /proc/PID/fd | wc -l)',
  detect({ head, command, shownAt }) {
    const lines = head.filter((l) => l.trim() !== '');
    // A `watch` screen of a count of a process's fds: one sample, timed by the screen's header.
    if (
      shownAt &&
      lines.length === 1 &&
      COUNT_ONLY.test(lines[0]) &&
      countedPid(command) !== undefined &&
      /\bwc\s+-l\b/.test(command ?? '')
    )
      return 0.99;
    // `echo $(date +%T) $(ls /proc/PID/fd | wc -l)` run once: one sample, its time and count on one
    // line, as each line of the same echo in a loop is.
    if (lines.length === 1 && SAMPLE.test(lines[0]) && countedPid(command) !== undefined && /\bwc\s{1,8}-l\b/.test(command ?? ''))
      return 0.99;
    if (lines.length < 2) return 0;
    // `date && lsof -p PID | wc -l` run once: one sample, timed by date's line.
    if (
      lines.length === 2 &&
      datesFirst(command ?? '') &&
      countedPid(command) !== undefined &&
      dateOutput(lines[0])?.count === undefined &&
      COUNT_ONLY.test(lines[1])
    )
      return 0.99;
    const bare = lines.filter((l) => COUNT_ONLY.test(l)).length;
    // A background job's lines fall among the counts: then the counts need only be most lines.
    const share = command && backgroundJob(command) ? 0.5 : 0.8;
    if (loopPace(command) !== undefined && bare >= 2 && bare >= lines.length * share) return 0.85;
    const timed = lines.filter((l) => SAMPLE.test(l) || dateOutput(l)?.count !== undefined || labelledDateCount(l) !== undefined).length;
    if (timed >= 2 && timed >= lines.length * 0.8) return 0.85;
    const timeOnly = (l: string) => TIME_ONLY.test(l) || (dateOutput(l) !== undefined && dateOutput(l)?.count === undefined);
    const paired = lines.filter((l, i) => timeOnly(l) && COUNT_ONLY.test(lines[i + 1] ?? '')).length;
    return paired >= 2 && paired * 2 >= lines.length * 0.8 ? 0.8 : 0;
  },
  sink(ctx) {
    const out: FdSnapshotsArtifact = { records: 0, samples: [] };
    const counted = countedPid(ctx.command);
    const named = counted ? undefined : PID_IN_NAME.exec(ctx.file);
    const pid = counted ? counted.pid : named ? Number(named[1] ?? named[2]) : UNNAMED_PID;
    const lsofRows = counted?.lsof === true;
    const grep = grepCountWord(ctx.command);
    const pace = loopPace(ctx.command);
    let paced = 0;
    let time: { at: string; n: number } | null = null;
    const add = (at: string, total: number, n: number, text: string) => {
      const sample: FdSnapshot = {
        at: at.replace(' ', 'T'),
        pid,
        total,
        byKind: {},
        ev: ref(ctx.file, n, text),
        ...(lsofRows ? { rows: true } : {}),
        ...(grep !== undefined ? { grep } : {}),
      };
      out.samples.push(sample);
      out.records++;
    };
    return {
      line(text, n) {
        if (text.trim() === '') return;
        const d = dateOutput(text);
        if (d?.count !== undefined) return add(d.at, d.count, n, text);
        if (d) {
          time = { at: d.at, n };
          return;
        }
        const s = SAMPLE.exec(text);
        if (s) return add(s[1], Number(s[2]), n, text);
        const labelled = labelledDateCount(text);
        if (labelled) return add(labelled.at, labelled.count, n, text);
        const t = TIME_ONLY.exec(text);
        if (t) {
          time = { at: t[1], n };
          return;
        }
        const c = COUNT_ONLY.exec(text);
        if (c && time) {
          add(time.at, Number(c[1]), n, text);
          time = null;
          return;
        }
        if (c && ctx.shownAt) return add(ctx.shownAt, Number(c[1]), n, text);
        if (c && pace !== undefined) return add(`+${pace * paced++}s`, Number(c[1]), n, text);
        ctx.warn(n, `not a timed count: ${text.slice(0, 80)}`);
      },
      end() {
        if (out.samples.length === 0) ctx.warn(undefined, 'no timed counts found');
        else if (pid === UNNAMED_PID)
          ctx.warn(undefined, 'the counts do not say whose fds they count (no /proc/PID/fd in the command, no pid in the file name)');
        return out;
      },
    };
  },
};

/**
 * The seconds a loop sleeps between counts of one process's fds (`while …; do lsof -p PID | wc -l;
 * sleep 1; done`), when the command is such a loop.
 */
function loopPace(command: string | undefined): number | undefined {
  if (!command || !isLoop(command) || countedPid(command) === undefined) return undefined;
  if (!/\bwc\s{1,8}-l\b/.test(command) && grepCountWord(command) === undefined) return undefined;
  const m = SLEEP.exec(command);
  const seconds = m ? Number(m[1]) : 0;
  return seconds > 0 ? seconds : undefined;
}
