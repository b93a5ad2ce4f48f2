// `ulimit -a`: the resource limits of the shell that ran it (soft limits), in one of the shell
// families' layouts:
//   bash      open files                      (-n) 65536        core file size  (blocks, -c) 0
//   busybox   core file size (blocks)         (-c) 0
//   zsh       -n: file descriptors                20000
//   dash      nofiles              20000        coredump(blocks)     0
// Also `ulimit -n` / `ulimit -Sn` alone: a bare number. Values are kept as printed (bash prints
// kbytes and blocks, not bytes); `unlimited` → null. Keys are limits.conf item names (nofile,
// nproc, core ...) so they line up with /proc/PID/limits.
import type { LimitValue, UlimitArtifact } from './artifacts.js';
import { ref, type SourceParser } from '../types.js';

/** Option letter → limits.conf item. Same letters in bash, busybox and zsh. */
const BY_FLAG: Record<string, string> = {
  c: 'core', d: 'data', e: 'nice', f: 'fsize', i: 'sigpending', l: 'memlock', m: 'rss', n: 'nofile',
  p: 'pipe', q: 'msgqueue', r: 'rtprio', s: 'stack', t: 'cpu', u: 'nproc', v: 'as', x: 'locks', R: 'rttime',
};

/** dash's names (its own table in miscbltin.c) → limits.conf item. */
const BY_DASH_NAME: Record<string, string> = {
  time: 'cpu', file: 'fsize', data: 'data', stack: 'stack', coredump: 'core', memory: 'rss',
  'locked memory': 'memlock', process: 'nproc', nofiles: 'nofile', vmemory: 'as', locks: 'locks',
  rtprio: 'rtprio', nice: 'nice', sigpending: 'sigpending', msgqueue: 'msgqueue', rttime: 'rttime',
};

// bash / busybox: description, then `(unit, -n)` or `(-n)`, then the value.
const FLAG_LINE = /^(.*?)\s*\((?:[^)]*,\s*)?-([a-zA-Z])\)\s+(\d+|unlimited)\s*$/;
// zsh: `-n: file descriptors   20000`, `-N 15: rt cpu time (microseconds)   unlimited`.
const ZSH_LINE = /^-([a-zA-Z])(?: (\d+))?:\s+(.*?)\s+(\d+|unlimited)\s*$/;
// dash: `nofiles              20000`, `locked memory(kbytes) 8192`.
const DASH_LINE = /^([a-z][a-z ]*?)(?:\(([a-z]+)\))?\s+(\d+|unlimited)\s*$/;
const BARE_NUMBER = /^\s*(\d+|unlimited)\s*$/;

/** `unlimited` → null; a number → that number; anything else → undefined. */
export function limitNumber(text: string): number | null | undefined {
  if (text === 'unlimited' || text === 'infinity') return null;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

interface UlimitLine {
  key: string;
  value: number | null;
}

export function parseUlimitLine(text: string): UlimitLine | undefined {
  let m = FLAG_LINE.exec(text);
  if (m) return { key: BY_FLAG[m[2]] ?? `-${m[2]}`, value: limitNumber(m[3])! };
  m = ZSH_LINE.exec(text);
  if (m) {
    const key = m[2] !== undefined ? zshNumberedKey(m[3]) : BY_FLAG[m[1]] ?? `-${m[1]}`;
    return { key, value: limitNumber(m[4])! };
  }
  m = DASH_LINE.exec(text.trim());
  if (m) {
    const name = m[1].trim();
    return { key: BY_DASH_NAME[name] ?? name, value: limitNumber(m[3])! };
  }
  return undefined;
}

/** zsh prints limits without a letter as `-N 15: rt cpu time (microseconds)`. */
function zshNumberedKey(description: string): string {
  return /rt cpu time/.test(description) ? 'rttime' : description.replace(/\s*\(.*\)$/, '');
}

/** `ulimit -n`, `ulimit -Sn`: the command prints just the open-files limit. */
function isSingleNofileCommand(command?: string): boolean {
  return !!command && /\bulimit\s+-S?n\b/.test(command);
}

export const ulimit: SourceParser<UlimitArtifact> = {
  id: 'ulimit',
  title: 'Shell resource limits (ulimit -a)',
  capture: 'ulimit -a',
  detect({ head, command }) {
    const lines = head.filter((l) => l.trim() !== '');
    if (lines.length === 0) return 0;
    if (lines.length === 1 && BARE_NUMBER.test(lines[0]) && isSingleNofileCommand(command)) return 0.97;
    let flagged = 0;
    let dashLike = 0;
    let openFiles = false;
    for (const l of lines) {
      if (FLAG_LINE.test(l) || ZSH_LINE.test(l)) flagged++;
      else if (DASH_LINE.test(l.trim())) dashLike++;
      if (/^open files\b.*\(-n\)|^-n: file descriptors|^nofiles\s/.test(l)) openFiles = true;
    }
    const bonus = command && /\bulimit\b/.test(command) ? 0.05 : 0;
    if (flagged >= 3 && flagged >= lines.length * 0.6) return (openFiles ? 0.9 : 0.75) + bonus;
    // dash's `name value` lines are too plain to claim without its `nofiles` line.
    if (openFiles && flagged + dashLike >= 3 && flagged + dashLike >= lines.length * 0.8) return 0.85 + bonus;
    return 0;
  },
  sink(ctx) {
    const out: UlimitArtifact = { records: 0, values: {} };
    const single = isSingleNofileCommand(ctx.command);
    if (ctx.command && /\bulimit\b[^|;]*-[a-zA-Z]*H/.test(ctx.command)) {
      ctx.warn(undefined, 'hard limits (ulimit -H) are reported as soft: the artifact has no hard-only value');
    }
    const put = (key: string, value: number | null, n: number, text: string) => {
      const limit: LimitValue = { soft: value, ev: ref(ctx.file, n, text) };
      if (out.values[key]) ctx.warn(n, `${key} printed twice; keeping the first`);
      else out.values[key] = limit;
      out.records++;
    };
    return {
      line(text, n) {
        if (text.trim() === '') return;
        if (single && BARE_NUMBER.test(text)) {
          put('nofile', limitNumber(text.trim())!, n, text);
          return;
        }
        const parsed = parseUlimitLine(text);
        if (!parsed) {
          ctx.warn(n, `not a ulimit line: ${text.slice(0, 80)}`);
          return;
        }
        put(parsed.key, parsed.value, n, text);
      },
      end() {
        if (out.values.nofile) out.openFiles = out.values.nofile;
        if (out.values.nproc) out.maxProcesses = out.values.nproc;
        if (out.records === 0) ctx.warn(undefined, 'no ulimit lines found');
        return out;
      },
    };
  },
};
