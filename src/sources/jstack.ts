// Java thread dumps (`jstack PID`, or `kill -3 PID` written to the JVM's stdout log). Each thread
// header carries the Linux tid as `nid`, which joins a strace/ps tid to a Java thread name:
//   JDK 8:   "pool-1-thread-1" #12 prio=5 os_prio=0 tid=0x00007f... nid=0x12af waiting on condition [0x...]
//   JDK 11+: "main" #1 prio=5 os_prio=0 cpu=68.35ms elapsed=9.32s tid=0x... nid=0x166e in Object.wait()  [0x...]
//   JDK 19+: "main" #3 [7583] prio=5 os_prio=0 cpu=... tid=0x... nid=7583 in Object.wait()  [0x...]   (nid in decimal)
//   VM threads: "VM Thread" os_prio=0 cpu=... tid=0x... nid=0x1674 runnable
// followed by `   java.lang.Thread.State: WAITING (parking)` and `\tat frame` lines.
// A log may hold several dumps: the last one is kept (it is closest to the incident).
import type { JavaThread, JstackArtifact } from './artifacts.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';
import { containerExec } from './container-exec.js';
import { argumentsOf } from '../command-words.js';

// A tid: at most 12 hex or 15 decimal digits (exact; see numbers.ts).
const NID = / nid=(0x[0-9a-fA-F]{1,12}|\d{1,15})\b/;
// The value runs to the end of the line and is trimmed in code: `(.+?)\s*$` backtracks.
const STATE = /^\s+java\.lang\.Thread\.State: (.*)$/s;
const FRAME = /^\s+at (\S.*)$/s;
const DUMP_START = /^Full thread dump /;
const MAX_FRAMES = 8;

/** The pid named by `jstack [-l] PID`, `jcmd PID Thread.print` or `kill -3 PID`. */
function commandPid(command?: string): number | undefined {
  // `docker exec app jstack 1`: pid 1 of the container, not of the host.
  if (!command || containerExec(command) !== undefined) return undefined;
  const operand = argumentsOf(command, 'jstack')?.find((w) => !w.startsWith('-'));
  const m =
    (operand !== undefined ? /^(\d{1,15})\b/.exec(operand) : null) ??
    /\bjcmd\s+(\d{1,15})\s+Thread\.print\b/.exec(command) ??
    /\bkill\s+-(?:3|QUIT|SIGQUIT)\s+(\d{1,15})\b/.exec(command);
  return m ? Number(m[1]) : undefined;
}

/** Parses a thread header line; undefined when the line is not one. */
export function threadHeader(text: string): Omit<JavaThread, 'ev' | 'frames'> | undefined {
  if (!text.startsWith('"')) return undefined;
  const nid = NID.exec(text);
  if (!nid) return undefined;
  // Thread names may hold quotes; the attributes after the closing quote never do.
  const close = text.lastIndexOf('"', nid.index);
  if (close <= 0) return undefined;
  const name = text.slice(1, close);
  const attrs = text.slice(close + 1, nid.index);
  const tid = nid[1].startsWith('0x') ? parseInt(nid[1].slice(2), 16) : Number(nid[1]);
  const t: Omit<JavaThread, 'ev' | 'frames'> = { tid, name, javaName: name, source: 'jstack' };
  if (/\bdaemon\b/.test(attrs)) t.daemon = true;
  else if (/ #\d+/.test(attrs)) t.daemon = false;
  return t;
}

export const jstack: SourceParser<JstackArtifact> = {
  id: 'jstack',
  title: 'Java thread dump (jstack)',
  detect({ head, command }) {
    if (head.some((l) => DUMP_START.test(l))) return 0.97;
    const headers = head.filter((l) => threadHeader(l) !== undefined).length;
    if (headers >= 2 || (headers === 1 && commandPid(command) !== undefined)) return 0.9;
    if (headers === 1) return 0.6;
    return 0;
  },
  sink(ctx) {
    const pid = commandPid(ctx.command);
    let threads: JavaThread[] = [];
    let dumps = 0;
    let lastDumpLine = 0;
    let current: JavaThread | undefined;
    return {
      line(text, n) {
        if (DUMP_START.test(text)) {
          dumps++;
          lastDumpLine = n;
          threads = [];
          current = undefined;
          return;
        }
        if (text.startsWith('"')) {
          const h = threadHeader(text);
          if (h) {
            current = { ...(pid !== undefined ? { pid } : {}), ...h, frames: [], ev: ref(ctx.file, n, text) };
            threads.push(current);
            return;
          }
          if (text.includes(' prio=') || text.includes(' tid=')) ctx.warn(n, `thread header without nid: ${text.slice(0, 80)}`);
          current = undefined;
          return;
        }
        if (!current) return;
        if (text.trim() === '') {
          current = undefined;
          return;
        }
        const state = STATE.exec(text);
        if (state && state[1].trim() !== '') {
          current.state = state[1].trimEnd();
          return;
        }
        const frame = FRAME.exec(text);
        if (frame && current.frames.length < MAX_FRAMES) current.frames.push(frame[1].trimEnd());
      },
      end() {
        const out: JstackArtifact = { records: threads.length, threads };
        if (pid !== undefined) out.pid = pid;
        if (dumps > 1) ctx.warn(lastDumpLine, `${dumps} thread dumps; the threads of the last one (from this line) are kept`);
        if (threads.length === 0) ctx.warn(undefined, 'no Java thread headers (`"name" ... nid=0x...`) found');
        return out;
      },
    };
  },
};
