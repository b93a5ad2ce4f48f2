// The capture plan: which files a bundle gets, from which command, and what is recorded as
// missing when a tool or a privilege is not there. Pure: facts about the host in, plan out.
import type { ManifestMissing } from './manifest.js';
import type { Privileges, Tools } from './host.js';
import { ptraceBlocker } from './host.js';
import { shellJoin } from '../shell.js';

export { shellJoin };

type CaptureAction =
  /** Run argv; its stdout is the file. */
  | { kind: 'exec'; argv: string[]; timeoutMs: number; asOwnerOf?: number }
  /** Copy a /proc or /sys file (what `cat` would print). */
  | { kind: 'read'; path: string }
  /** strace writes the file itself (`-o`); stopped with SIGINT after `seconds`. */
  | { kind: 'strace'; argv: string[]; seconds: number }
  /** The fd count of every process, from /proc. */
  | { kind: 'fd-counts' }
  /** Thread names of one process, from /proc/PID/task/{*}/comm. */
  | { kind: 'task-comm'; pid: number }
  /** Tails of the log files the process has open, under logs/ (one manifest entry per log). */
  | { kind: 'log-tails'; pid: number; globs: string[]; maxBytes: number };

export interface CaptureSpec {
  /** Path in the bundle. */
  file: string;
  /** What a person would type to get the same output; recorded in the manifest. */
  command: string;
  action: CaptureAction;
  pid?: number;
  note?: string;
}

export interface PlanInput {
  pid?: number;
  tools: Tools;
  privileges: Privileges;
  hostLsof: boolean;
  straceSeconds: number;
  /** The suspect runs as the collector's user (ptrace without privileges may be allowed). */
  sameUser?: boolean;
  /** The suspect runs a JVM (jstack applies). */
  java: boolean;
  /** jstack to use: the one next to the JVM's own java binary when there is one. */
  jstack?: string;
  timeoutMs: number;
  /** lsof of the whole host can take minutes on a big box. */
  slowTimeoutMs: number;
  /** --logs globs: open files to tail besides *.log. */
  logGlobs: string[];
  logBytes: number;
}

export interface CapturePlan {
  captures: CaptureSpec[];
  missing: ManifestMissing[];
}

/** Seconds past the planned window after which `timeout` stops strace if collect could not. */
const STRACE_GUARD_SECONDS = 5;
const STRACE_KILL_AFTER = 10;

const FD_COUNTS_COMMAND = `for p in /proc/[0-9]*; do printf '%7d %s\\n' $(ls $p/fd 2>/dev/null | wc -l) \${p#/proc/}; done | sort -nr`;

export function buildPlan(p: PlanInput): CapturePlan {
  const captures: CaptureSpec[] = [];
  const missing: ManifestMissing[] = [];
  const t = p.tools;
  const pid = p.pid;
  const notRoot = p.privileges.root || p.privileges.ptraceCap ? undefined : 'not root: only processes of this user are visible';

  const exec = (file: string, tool: string, args: string[], extra: Partial<CaptureSpec> = {}, timeoutMs = p.timeoutMs): void => {
    captures.push({
      file,
      command: shellJoin([tool.replace(/^.*\//, ''), ...args]),
      action: { kind: 'exec', argv: [tool, ...args], timeoutMs },
      ...extra,
    });
  };
  const read = (file: string, path: string, extra: Partial<CaptureSpec> = {}): void => {
    captures.push({ file, command: `cat ${path}`, action: { kind: 'read', path }, ...extra });
  };

  // Host-wide, cheapest and most time-sensitive first: the moment of the incident.
  captures.push({ file: 'fd-counts.txt', command: FD_COUNTS_COMMAND, action: { kind: 'fd-counts' }, note: notRoot });
  read('proc-net-sockstat.txt', '/proc/net/sockstat');
  read('proc-net-sockstat6.txt', '/proc/net/sockstat6');
  if (t.ss) {
    exec('ss-s.txt', t.ss, ['-s']);
    exec('ss-tanp.txt', t.ss, ['-tanp'], { note: notRoot && "not root: the process column shows only this user's sockets" });
  } else {
    missing.push({ what: 'ss -s', command: 'ss -s', reason: "ss (iproute2) not installed; proc-net-sockstat.txt has the kernel's counts" });
    missing.push({ what: 'ss -tanp', command: 'ss -tanp', reason: 'ss (iproute2) not installed' });
  }
  if (t.netstat) {
    exec('netstat-antp.txt', t.netstat, ['-antp']);
  } else if (t.ss) {
    missing.push({
      what: 'netstat -antp',
      command: 'netstat -antp',
      reason: 'netstat (net-tools) not installed; ss-tanp.txt lists the same connection table',
    });
  } else {
    missing.push({
      what: 'netstat -antp',
      command: 'netstat -antp',
      reason: 'neither netstat nor ss installed; proc-net-tcp.txt and proc-net-tcp6.txt are the raw table',
    });
    read('proc-net-tcp.txt', '/proc/net/tcp');
    read('proc-net-tcp6.txt', '/proc/net/tcp6');
  }
  read('file-max.txt', '/proc/sys/fs/file-max');
  read('file-nr.txt', '/proc/sys/fs/file-nr');
  const shell = t.bash ?? t.sh;
  if (shell) {
    exec('ulimit-a.txt', shell, ['-c', 'ulimit -a'], {
      command: 'ulimit -a',
      note: "limits of the collector's shell, not of the suspect: see proc-PID-limits.txt",
    });
  }
  if (t.ps) exec('ps-auxww.txt', t.ps, ['auxww']);
  else missing.push({ what: 'ps auxww', command: 'ps auxww', reason: 'ps (procps) not installed' });

  if (pid !== undefined) {
    read(`proc-${pid}-limits.txt`, `/proc/${pid}/limits`, { pid });
    if (t.ps) exec(`ps-T-${pid}.txt`, t.ps, ['-T', '-p', String(pid), '-o', 'pid,tid,comm'], { pid });
    captures.push({ file: `task-comm-${pid}.txt`, command: `grep . /proc/${pid}/task/*/comm`, action: { kind: 'task-comm', pid }, pid });
    exec(`ls-l-proc-${pid}-fd.txt`, t.ls ?? 'ls', ['-l', `/proc/${pid}/fd`], { pid });
    if (t.lsof) exec(`lsof-p-${pid}.txt`, t.lsof, ['-n', '-P', '-p', String(pid)], { pid });
    else
      missing.push({
        what: `lsof -n -P -p ${pid}`,
        command: `lsof -n -P -p ${pid}`,
        reason: `lsof not installed; ls-l-proc-${pid}-fd.txt lists the same fds from /proc`,
      });
    if (p.java) {
      const jstack = p.jstack ?? t.jstack;
      if (jstack) {
        captures.push({
          file: `jstack-${pid}.txt`,
          command: `jstack ${pid}`,
          action: { kind: 'exec', argv: [jstack, String(pid)], timeoutMs: p.timeoutMs, asOwnerOf: pid },
          pid,
          note: "run as the JVM's owner: the attach API refuses other users",
        });
      } else {
        missing.push({
          what: `jstack ${pid}`,
          command: `jstack ${pid}`,
          reason: 'the suspect is a JVM but no jstack was found (install the JDK, or kill -3 it and read its stdout log)',
        });
      }
    }
    const straceCmd = `strace -f -tt -T -y -s 256 -p ${pid} -o strace-${pid}.txt`;
    const blocked = ptraceBlocker(p.privileges, p.sameUser ?? false);
    if (p.straceSeconds <= 0) {
      missing.push({ what: `strace of pid ${pid}`, command: `timeout -s INT 30 ${straceCmd}`, reason: 'disabled (--strace-seconds 0)' });
    } else if (!t.strace) {
      missing.push({ what: `strace of pid ${pid}`, command: `timeout -s INT 30 ${straceCmd}`, reason: 'strace not installed' });
    } else if (blocked) {
      missing.push({ what: `strace of pid ${pid}`, command: `timeout -s INT 30 ${straceCmd}`, reason: blocked });
    } else {
      const straceArgv = [t.strace, '-f', '-tt', '-T', '-y', '-s', '256', '-p', String(pid), '-o', `strace-${pid}.txt`];
      // collect stops strace itself; `timeout` is the safety net should collect die (kill -9) first.
      const guarded = t.timeout
        ? [t.timeout, '-s', 'INT', '-k', String(STRACE_KILL_AFTER), String(p.straceSeconds + STRACE_GUARD_SECONDS), ...straceArgv]
        : straceArgv;
      captures.push({
        file: `strace-${pid}.txt`,
        command: `timeout -s INT ${p.straceSeconds} ${straceCmd}`,
        action: {
          kind: 'strace',
          argv: guarded,
          seconds: p.straceSeconds,
        },
        pid,
        note: `traced for ${p.straceSeconds} s, then detached with SIGINT`,
      });
    }
    // After strace, so the tails hold what the traced threads logged during the window.
    captures.push({
      file: 'logs/',
      command: `tail -c ${p.logBytes} FILE  (each *.log${p.logGlobs.length ? ` or ${p.logGlobs.join(' ')}` : ''} file open in /proc/${pid}/fd)`,
      action: { kind: 'log-tails', pid, globs: p.logGlobs, maxBytes: p.logBytes },
      pid,
    });
  }

  // Last: the slowest, and the least needed when the pid is known.
  if (p.hostLsof) {
    if (t.lsof) {
      exec('lsof-host.txt', t.lsof, ['-n', '-P'], { note: notRoot }, p.slowTimeoutMs);
    } else {
      missing.push({
        what: 'lsof -n -P (whole host)',
        command: 'lsof -n -P',
        reason: "lsof not installed; fd-counts.txt has every process's fd count from /proc",
      });
    }
  }
  return { captures, missing };
}
