// Thread names from /proc/PID/task/TID/comm (the kernel's 15-character name of each thread),
// printed with the path so each name keeps its tid:
//   grep . /proc/PID/task/*/comm       /proc/4730/task/4783/comm:http-nio-8080-e
//   head /proc/PID/task/*/comm         ==> /proc/4730/task/4783/comm <==   then the name
//   for t in /proc/PID/task/*; do echo "$(basename $t) $(cat $t/comm)"; done     4783 http-nio-8080-e
// The loop's `TID name` lines carry no pid: it comes from the command.
import type { ThreadName, ThreadNamesArtifact } from './artifacts.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';
import { containerExec } from './container-exec.js';

/** A thread's comm file named in a path: `[/…/]proc/PID/task/TID/comm`, then what follows it. */
const COMM_PATH = /(?:^|\/)(?:proc\/)?(\d{1,15}|self)\/task\/(\d{1,15})\/comm/;

/**
 * `grep . /proc/PID/task/*\/comm` (`…/comm:NAME`) or head's banner (`==> …/comm <==`): the pid, the tid
 * and what follows the path. The path is one word (no blank before it), read from its first
 * `/proc/`-like step, without a pattern that backtracks over it.
 */
function commPath(text: string, after: string): [string, string, string] | null {
  const m = COMM_PATH.exec(text);
  if (!m || /\s/.test(text.slice(0, m.index)) || !text.startsWith(after, m.index + m[0].length)) return null;
  return [m[1], m[2], text.slice(m.index + m[0].length + after.length)];
}

/** `…/proc/PID/task/TID/comm:NAME`: the name runs to the end of the line whatever it holds. */
function grepLine(text: string): [string, string, string] | null {
  return commPath(text, ':');
}

/** `==> /proc/PID/task/TID/comm <==`. */
function headBanner(text: string): [string, string, string] | null {
  if (!text.startsWith('==> ') || !text.endsWith(' <==')) return null;
  const parts = commPath(text.slice(4), ' <==');
  return parts && parts[2] === '' ? parts : null;
}
// Pids and tids: at most 15 digits (exact; see numbers.ts).
const LOOP_LINE = /^(\d{1,15}) (.*)$/;

function pidFrom(command?: string): number | undefined {
  const m = command && containerExec(command) === undefined && /\/proc\/(\d{1,15})\/task\b/.exec(command);
  return m ? Number(m[1]) : undefined;
}

// The kernel keeps a thread's name in 16 bytes with its NUL (TASK_COMM_LEN): at most 15 bytes.
const COMM_BYTES = 15;

/**
 * The `TID name` loop output looks like `uniq -c`; it differs in having no padding and rising tids.
 * Each tid comes once and each name fits in comm's 15 bytes: a numbered log (npm-debug.log's
 * `12 verbose stack Error: EMFILE, readdir '…'`, several lines under one number) is not thread names.
 */
function looksLikeLoop(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  const tids: number[] = [];
  for (const l of lines) {
    const m = LOOP_LINE.exec(l);
    if (!m || Buffer.byteLength(m[2]) > COMM_BYTES) return false;
    tids.push(Number(m[1]));
  }
  if (new Set(tids).size !== tids.length) return false;
  // The glob sorts as text (10 < 9), so tids are not strictly rising; the first is the main thread's, the smallest.
  return tids.every((t) => t >= tids[0]) && tids.some((t) => t > tids[0]);
}

export const taskComm: SourceParser<ThreadNamesArtifact> = {
  id: 'task-comm',
  title: 'Thread names (/proc/PID/task/*/comm)',
  detect({ head, command }) {
    const lines = head.filter((l) => l.trim() !== '');
    if (lines.length === 0) return 0;
    const named = lines.filter((l) => grepLine(l) !== null || headBanner(l) !== null).length;
    if (named > 0 && named >= lines.length * 0.45) return 0.95;
    const loopCommand = !!command && /\/task\b/.test(command) && /\bcomm\b/.test(command);
    if (loopCommand && lines.every((l) => LOOP_LINE.test(l))) return 0.95;
    // Without a command saying so, `N word` lines that only look like the loop's (a command that says otherwise printed them).
    return !command && looksLikeLoop(lines) ? 0.55 : 0;
  },
  sink(ctx) {
    const out: ThreadNamesArtifact = { records: 0, threads: [] };
    const commandPid = pidFrom(ctx.command);
    // The `head` form: a banner, then the name on the next line.
    let pending: { pid?: number; tid: number } | undefined;
    const add = (pid: number | undefined, tid: number, name: string, n: number, text: string) => {
      const t: ThreadName = { tid, name, source: 'comm', ev: ref(ctx.file, n, text) };
      if (pid !== undefined) t.pid = pid;
      out.threads.push(t);
      out.records++;
    };
    const pidOf = (s: string) => (s === 'self' ? commandPid : Number(s));
    return {
      line(text, n) {
        const banner = headBanner(text);
        if (banner) {
          if (pending) ctx.warn(n, `no name printed for tid ${pending.tid}`);
          pending = { pid: pidOf(banner[0]), tid: Number(banner[1]) };
          return;
        }
        if (pending) {
          // comm is never empty in practice, but an empty line is what `head` prints between files.
          if (text === '') return;
          add(pending.pid, pending.tid, text, n, text);
          pending = undefined;
          return;
        }
        if (text.trim() === '') return;
        const grep = grepLine(text);
        if (grep) {
          add(pidOf(grep[0]), Number(grep[1]), grep[2], n, text);
          return;
        }
        const loop = LOOP_LINE.exec(text);
        if (loop) {
          add(commandPid, Number(loop[1]), loop[2], n, text);
          return;
        }
        ctx.warn(n, `not a thread-name line: ${text.slice(0, 80)}`);
      },
      end() {
        if (pending) ctx.warn(undefined, `no name printed for tid ${pending.tid}: the output ends after its banner`);
        if (out.records === 0) ctx.warn(undefined, 'no thread names found');
        return out;
      },
    };
  },
};
