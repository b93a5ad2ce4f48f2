// A line that says, in words, how many fds one named process has: what a monitoring script or a CI
// check prints after counting /proc/PID/fd, e.g. cilium's CI check
//   cilium-agent(7867) has 523 file descriptors open
// (pstree's `name(pid)`), or an agent's alert
//   PID 4242 (nginx) has 1019 open file descriptors
// or a script's line `pid = 11527 with 341265 fds: geth` (go-ethereum#22420), or a summary of
// `key=value` fields after the process's name (omarchy#8331's quickshell):
//   quickshell  pid=56066  uptime=3251s  fds=5122  RSS=623 MB
// The count is the process's fd count at that moment, as a sample whose time is not printed. A
// monitor that logs such fields after a time stamp prints one sample a line, each at its time — the
// pid key may carry the process's name, the count may be called `total_fd` (codex#25882's root
// launchd job sampling syspolicyd with lsof, a label before the stamp):
//   first sample:               2026-06-03 16:13:34 syspolicyd_pid=489 total_fd=35 codex_main_fd=0 max_fd=26
//   2026-07-22T12:57:39+0800 TRIGGER pid=29117 rss_kb=1035888 etime=25:13 errors_5m=103521 fds=2575
// A program's or a script's own labelled count, `LABEL: N`, whose label names an fd count and no
// process (a Node repro's `console.log('lsof count:', …)` of its own `lsof -p` rows, nodejs/node#48794;
// a measurement script's `combined uwsgi worker fds before: 133`, Dispatcharr#1674) is a count of an
// unnamed process, tied later to the one the bundle is about; one that says it sums several processes
// (`combined`, `total`, `all`) is of nobody, and neither is a limit's (`max open files: 1024`) nor a
// difference (`fds leaked: 3`).
// Only a whole line of that shape counts (an optional trailing `.`): a sentence in prose around it is
// not read. Other lines of the same output that speak of fds (`… has more than 500 file descriptors
// (potential leak)`, `max observed: total_fd=2576 …`) are passed over.
import { UNNAMED_PID, type FdCountStatementsArtifact, type FdSnapshot } from './artifacts.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';
import { isElision } from './fd-kind.js';

/** `NAME(PID) has N …`: a name without blanks or parentheses, as pstree and ps -o comm print it. */
const NAME_PID = /^\s{0,16}([\w.:@/+-]{1,64})\((\d{1,9})\) has (\d{1,15}) (.{1,40})$/;
/** `PID N (NAME) has N …`, `process N has N …`, `pid N has N …`, `pid = N with N …` (the pid as `pid = N`, `pid=N`; `with` for `has`). */
const PID_NAME = /^\s{0,16}(?:PID|pid|process|Process)(?: = |=| )(\d{1,9})(?: \(([^()]{1,64})\))? (?:has|with) (\d{1,15}) (.{1,40})$/;
/** What may follow the count: the words for fds, with `open` before or after. */
const FD_WORDS = /^(?:open )?(?:file descriptors|fds|files)(?: open)?\.?\s{0,8}$/;
/** The same words, then the process's name after a colon: `fds: geth`. */
const FD_WORDS_NAME = /^(?:open )?(?:file descriptors|fds|files)(?: open)?: ([\w.:@/+-]{1,64})\s{0,8}$/;
/** A field of a `key=value` summary: `pid=56066`, `uptime=3251s`; its key a word. */
const FIELD = /^[A-Za-z_][\w.-]{0,31}=\S{1,64}$/;
/** A unit printed apart from its field's number (`RSS=623 MB`). */
const UNIT = /^(?:[KMGTP]i?B|[kKMG]|B|bytes|%|s|ms)$/;
/** The fields of such a summary that say whose and how many fds; the pid's key may name the process (`syspolicyd_pid=489`). */
const PID_FIELD = /^(?:([A-Za-z][\w.-]{0,31})_)?pid=(\d{1,9})$/;
/** Names a pid's key gives that are not the sampled process's: its parent's, its group's, a thread's. */
const NOT_ITS_PID = /^(?:parent|p|pg|group|session|thread|t|child|leader)$/i;
const FDS_FIELD = /^(?:fds|open_fds|fd_count|num_fds|nfds|total_fds?|fd_total)=(\d{1,15})$/;
/** A monitor's stamp before the fields: a date and a time (`2026-06-03 16:13:34`) or one ISO word (`2026-07-22T12:57:39+0800`); the offset is dropped (a local time). */
const STAMP_DATE = /^\d{4}-\d\d-\d\d$/;
const STAMP_TIME = /^(\d\d:\d\d:\d\d)(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?$/;
const STAMP_ISO = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?$/;
/** The event word a monitor may print after its stamp (`TRIGGER`, `HEARTBEAT`). */
const EVENT = /^[A-Z][A-Z_]{1,23}$/;
/** At most this many words of a label before the stamp (`first codex_main_fd >=1000:`). */
const MAX_LABEL = 8;
/** A name before the fields, as `ps -o comm` prints it. */
const NAME_WORD = /^[\w.:@/+-]{1,64}$/;

/**
 * Where the fields start, and the time the line was stamped with: a label ending in `:` may come
 * before the stamp, an event word after it. No stamp: the fields start at the first word.
 */
function stampOf(words: readonly string[]): { at?: string; from: number } {
  let i = 0;
  const label = words.slice(0, MAX_LABEL).findIndex((w) => w.endsWith(':'));
  if (label >= 0 && (STAMP_DATE.test(words[label + 1] ?? '') || STAMP_ISO.test(words[label + 1] ?? ''))) i = label + 1;
  let at: string | undefined;
  const iso = STAMP_ISO.exec(words[i] ?? '');
  const time = STAMP_DATE.test(words[i] ?? '') ? STAMP_TIME.exec(words[i + 1] ?? '') : null;
  if (iso) {
    at = `${iso[1]}T${iso[2]}`;
    i += 1;
  } else if (time) {
    at = `${words[i]}T${time[1]}`;
    i += 2;
  } else return { from: 0 };
  if (EVENT.test(words[i] ?? '')) i++;
  return { at, from: i };
}

/** `NAME pid=N … fds=N …`, or `STAMP … pid=N … fds=N`: a line of fields, one pid and one fd count among them. */
function fieldStatement(line: string): { pid: number; name?: string; count: number; at?: string } | null {
  const words = line.trim().split(/\s+/, 41);
  if (words.length < 2 || words.length > 40) return null;
  const { at, from } = stampOf(words);
  let name = at !== undefined || FIELD.test(words[from]) ? undefined : words[from];
  if (name !== undefined && !NAME_WORD.test(name)) return null;
  let pid: number | undefined;
  let count: number | undefined;
  for (let i = name === undefined ? from : from + 1; i < words.length; i++) {
    const w = words[i];
    if (!FIELD.test(w)) {
      if (UNIT.test(w) && i > 0 && FIELD.test(words[i - 1])) continue;
      return null;
    }
    const p = PID_FIELD.exec(w);
    const c = FDS_FIELD.exec(w);
    if (p && !(p[1] !== undefined && NOT_ITS_PID.test(p[1]))) {
      if (pid !== undefined) return null;
      pid = Number(p[2]);
      if (p[1] !== undefined && name === undefined) name = p[1];
    } else if (c) {
      if (count !== undefined) return null;
      count = Number(c[1]);
    }
  }
  if (pid === undefined || count === undefined || words.length - from < 2) return null;
  return { pid, count, ...(name === undefined ? {} : { name }), ...(at === undefined ? {} : { at }) };
}

/** `LABEL: N`: a label of words (no colon in it), a colon, one count. */
const LABELLED = /^\s{0,16}([A-Za-z][^:\n]{0,59}):\s{1,8}(\d{1,9})\.?\s{0,8}$/;
/** A label that names an fd count: `lsof count`, `open fds`, `fds before`, `open file descriptors`. */
const COUNT_LABEL = /\b(?:fds|fd count|fd_count|num_fds|lsof count|lsof rows|file descriptors|open files)\b/i;
/** A label of a limit, a difference or a rate, not a count: `max open files`, `fds leaked`, `fds per request`. */
const NOT_A_COUNT =
  /\b(?:max|maximum|min|limit|ulimit|nofile|soft|hard|allowed|leaked|leak|per|avg|average|delta|diff|growth|increase|rate)\b/i;
/** A label that sums several processes' fds: a count of nobody's. */
const SUMMED = /\b(?:combined|total|all|sum|summed|every)\b/i;

/** A script's labelled count (`lsof count: 47`), with whether its label says it sums several processes; null for any other line. */
export function labelledFdCount(line: string): { count: number; summed: boolean } | null {
  if (line.length > 120) return null;
  const m = LABELLED.exec(line);
  if (!m || !COUNT_LABEL.test(m[1]) || NOT_A_COUNT.test(m[1])) return null;
  return { count: Number(m[2]), summed: SUMMED.test(m[1]) };
}

/** A line of the same output that speaks of fds without being a statement. */
const ABOUT_FDS = /file descriptors|open files|\bfds\b|\w_fds?=/;

/** The statement a line makes: whose fds (pid, and name when printed) and how many; null for any other line. */
export function fdCountStatement(line: string): { pid: number; name?: string; count: number; at?: string } | null {
  if (line.length > 300) return null;
  const a = NAME_PID.exec(line);
  if (a) return FD_WORDS.test(a[4]) ? { pid: Number(a[2]), name: a[1], count: Number(a[3]) } : null;
  const b = PID_NAME.exec(line);
  if (!b) return fieldStatement(line);
  const named = b[2] ? undefined : FD_WORDS_NAME.exec(b[4]);
  if (named) return { pid: Number(b[1]), name: named[1], count: Number(b[3]) };
  if (!FD_WORDS.test(b[4])) return null;
  return b[2] ? { pid: Number(b[1]), name: b[2], count: Number(b[3]) } : { pid: Number(b[1]), count: Number(b[3]) };
}

export const fdCountStatements: SourceParser<FdCountStatementsArtifact> = {
  id: 'fd-count-statements',
  title: 'How many fds a named process has, in words (a script or check: NAME(PID) has N file descriptors open)',
  detect({ head }) {
    const lines = head.filter((l) => l.trim() !== '');
    if (lines.length === 0) return 0;
    let statements = 0;
    for (const l of lines) {
      if (fdCountStatement(l) || labelledFdCount(l)) statements++;
      else if (!ABOUT_FDS.test(l) && !isElision(l)) return 0;
    }
    return statements > 0 ? 0.85 : 0;
  },
  sink(ctx) {
    /** The last untimed statement of each process: the latest count the output printed. */
    const byPid = new Map<number, FdSnapshot>();
    /** Stamped statements: each a sample at its time. */
    const timed: FdSnapshot[] = [];
    const names = new Map<number, string>();
    return {
      line(text, n) {
        const stated = fdCountStatement(text);
        const label = stated ? null : labelledFdCount(text);
        // A sum over several processes is of none: read, but no process's sample.
        if (label?.summed) return;
        const s = stated ?? (label ? { pid: UNNAMED_PID, count: label.count } : null);
        if (!s) return;
        if (s.name) names.set(s.pid, s.name);
        const ev = ref(ctx.file, n, text);
        if (s.at !== undefined) {
          timed.push({ at: s.at, pid: s.pid, total: s.count, byKind: {}, ev });
          return;
        }
        byPid.set(s.pid, { at: 'the time of the statement (not printed)', pid: s.pid, total: s.count, byKind: {}, ev });
      },
      end() {
        const samples = [...timed, ...byPid.values()];
        if (samples.length === 0) ctx.warn(undefined, 'no fd count statement found');
        return { records: samples.length, samples, names: [...names].map(([pid, name]) => ({ pid, name })) };
      },
    };
  },
};
