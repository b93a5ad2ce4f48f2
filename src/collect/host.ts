// Facts about the host the collector runs on: name, time zone, privileges and which tools exist.
import { accessSync, constants, readFileSync, readlinkSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { delimiter, join } from 'node:path';

export interface Privileges {
  root: boolean;
  /** CAP_SYS_PTRACE in the effective set: strace, lsof and /proc/PID/fd of other users. */
  ptraceCap: boolean;
  /** kernel.yama.ptrace_scope; null when Yama is not built in. */
  ptraceScope: number | null;
}

export function hostName(): string {
  return hostname();
}

/** The IANA zone the host's clock is shown in (what `ps`, `ls -l` and logs print). */
export function hostTimezone(env: NodeJS.ProcessEnv = process.env): string {
  const tz = env.TZ?.replace(/^:/, '');
  if (tz && /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(tz)) return tz;
  try {
    const zone = readFileSync('/etc/timezone', 'utf8').trim();
    if (zone) return zone;
  } catch {
    // not Debian-style; try the link
  }
  try {
    const link = readlinkSync('/etc/localtime');
    const at = link.indexOf('zoneinfo/');
    if (at !== -1 && at + 9 < link.length) return link.slice(at + 9);
  } catch {
    // no /etc/localtime link
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** ISO 8601 in the local zone with its offset: 2024-07-22T14:03:05.123+08:00. */
export function isoWithOffset(d: Date = new Date()): string {
  const offMin = -d.getTimezoneOffset();
  const sign = offMin >= 0 ? '+' : '-';
  const abs = Math.abs(offMin);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return (
    `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}` +
    `.${p(d.getMilliseconds(), 3)}${sign}${p(Math.floor(abs / 60))}:${p(abs % 60)}`
  );
}

const CAP_SYS_PTRACE = 19n;

export function privileges(): Privileges {
  const root = process.getuid?.() === 0;
  let ptraceCap = root;
  try {
    const m = /^CapEff:\s*([0-9a-f]+)$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) ptraceCap = ((BigInt(`0x${m[1]}`) >> CAP_SYS_PTRACE) & 1n) === 1n;
  } catch {
    // no /proc/self/status: keep the uid's answer
  }
  let ptraceScope: number | null = null;
  try {
    ptraceScope = Number(readFileSync('/proc/sys/kernel/yama/ptrace_scope', 'utf8').trim());
  } catch {
    // Yama not present: classic ptrace permission checks only
  }
  return { root, ptraceCap, ptraceScope };
}

/** Why strace cannot attach to the suspect, or null when it should be able to. */
export function ptraceBlocker(p: Privileges, sameUser: boolean): string | null {
  if (p.ptraceScope === 3) return 'kernel.yama.ptrace_scope=3 forbids every ptrace attach (until reboot)';
  if (p.ptraceCap) return null;
  if (p.ptraceScope === 1 || p.ptraceScope === 2) {
    return `not root and no CAP_SYS_PTRACE, and kernel.yama.ptrace_scope=${p.ptraceScope} allows attaching only ${p.ptraceScope === 1 ? 'to descendants' : 'with CAP_SYS_PTRACE'}`;
  }
  return sameUser ? null : 'not root and no CAP_SYS_PTRACE: strace can attach only to processes of the same user';
}

/** Finds an executable on PATH, like `command -v`. */
export function findTool(name: string, path: string | undefined = process.env.PATH): string | null {
  for (const dir of (path ?? '').split(delimiter)) {
    if (!dir) continue;
    const full = join(dir, name);
    try {
      if (!statSync(full).isFile()) continue;
      accessSync(full, constants.X_OK);
      return full;
    } catch {
      // not here
    }
  }
  return null;
}

type ToolName = 'ss' | 'netstat' | 'lsof' | 'strace' | 'ps' | 'ls' | 'jstack' | 'bash' | 'sh' | 'tar' | 'timeout';
export type Tools = Partial<Record<ToolName, string>>;

export function findTools(path: string | undefined = process.env.PATH): Tools {
  const tools: Tools = {};
  for (const name of ['ss', 'netstat', 'lsof', 'strace', 'ps', 'ls', 'jstack', 'bash', 'sh', 'tar', 'timeout'] as const) {
    const at = findTool(name, path);
    if (at) tools[name] = at;
  }
  return tools;
}
