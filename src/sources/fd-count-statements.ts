// A line that says, in words, how many fds one named process has: what a monitoring script or a CI
// check prints after counting /proc/PID/fd, e.g. cilium's CI check
//   cilium-agent(7867) has 523 file descriptors open
// (pstree's `name(pid)`), or an agent's alert
//   PID 4242 (nginx) has 1019 open file descriptors
// or a script's line `pid = 11527 with 341265 fds: geth` (go-ethereum#22420), or a summary of
// `key=value` fields after the process's name (omarchy#8331's quickshell):
//   quickshell  pid=56066  uptime=3251s  fds=5122  RSS=623 MB
// The count is the process's fd count at that moment, as a sample whose time is not printed. Only a
// whole line of that shape counts (an optional trailing `.`): a sentence in prose around it is not
// read. Other lines of the same output that speak of fds (`… has more than 500 file descriptors
// (potential leak)`) are passed over.
import type { FdCountStatementsArtifact, FdSnapshot } from './artifacts.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';

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
/** The fields of such a summary that say whose and how many fds. */
const PID_FIELD = /^pid=(\d{1,9})$/;
const FDS_FIELD = /^(?:fds|open_fds|fd_count|num_fds|nfds)=(\d{1,15})$/;
/** A name before the fields, as `ps -o comm` prints it. */
const NAME_WORD = /^[\w.:@/+-]{1,64}$/;

/** `NAME pid=N … fds=N …`: a summary line of fields, one pid and one fd count among them. */
function fieldStatement(line: string): { pid: number; name?: string; count: number } | null {
  const words = line.trim().split(/\s+/, 33);
  if (words.length < 2 || words.length > 32) return null;
  const name = FIELD.test(words[0]) ? undefined : words[0];
  if (name !== undefined && !NAME_WORD.test(name)) return null;
  let pid: number | undefined;
  let count: number | undefined;
  for (let i = name === undefined ? 0 : 1; i < words.length; i++) {
    const w = words[i];
    if (!FIELD.test(w)) {
      if (UNIT.test(w) && i > 0 && FIELD.test(words[i - 1])) continue;
      return null;
    }
    const p = PID_FIELD.exec(w);
    const c = FDS_FIELD.exec(w);
    if (p) {
      if (pid !== undefined) return null;
      pid = Number(p[1]);
    } else if (c) {
      if (count !== undefined) return null;
      count = Number(c[1]);
    }
  }
  if (pid === undefined || count === undefined) return null;
  return name === undefined ? { pid, count } : { pid, name, count };
}

/** A line of the same output that speaks of fds without being a statement. */
const ABOUT_FDS = /file descriptors|open files|\bfds\b/;

/** The statement a line makes: whose fds (pid, and name when printed) and how many; null for any other line. */
export function fdCountStatement(line: string): { pid: number; name?: string; count: number } | null {
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
      if (fdCountStatement(l)) statements++;
      else if (!ABOUT_FDS.test(l)) return 0;
    }
    return statements > 0 ? 0.85 : 0;
  },
  sink(ctx) {
    /** The last statement of each process: the latest count the output printed. */
    const byPid = new Map<number, FdSnapshot>();
    const names = new Map<number, string>();
    return {
      line(text, n) {
        const s = fdCountStatement(text);
        if (!s) return;
        if (s.name) names.set(s.pid, s.name);
        byPid.set(s.pid, {
          at: 'the time of the statement (not printed)',
          pid: s.pid,
          total: s.count,
          byKind: {},
          ev: ref(ctx.file, n, text),
        });
      },
      end() {
        const samples = [...byPid.values()];
        if (samples.length === 0) ctx.warn(undefined, 'no fd count statement found');
        return { records: samples.length, samples, names: [...names].map(([pid, name]) => ({ pid, name })) };
      },
    };
  },
};
