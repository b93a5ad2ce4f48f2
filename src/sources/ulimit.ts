// `ulimit -a`: the resource limits of the shell that ran it (soft limits), in one of the shell
// families' layouts:
//   bash      open files                      (-n) 65536        core file size  (blocks, -c) 0
//   busybox   core file size (blocks)         (-c) 0
//   zsh       -n: file descriptors                20000
//   dash      nofiles              20000        coredump(blocks)     0
//   NetBSD sh nofiles       (-n descriptors)          128      (dash's names)
// Also `ulimit -n` / `ulimit -Sn` alone: a bare number (or bash's `-a` row of it, pasted under
// that command); `ulimit -Sn -Hn`, more than one limit
// named: bash's rows, one a limit. Values are kept as printed (bash prints
// kbytes and blocks, not bytes); `unlimited` → null. Keys are limits.conf item names (nofile,
// nproc, core ...) so they line up with /proc/PID/limits.
import type { LimitValue, UlimitArtifact } from './artifacts.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';
import { hasOption } from '../command-words.js';
import { count } from './numbers.js';

/** Option letter → limits.conf item. Same letters in bash, busybox and zsh. */
const BY_FLAG: Record<string, string> = {
  c: 'core',
  d: 'data',
  e: 'nice',
  f: 'fsize',
  i: 'sigpending',
  l: 'memlock',
  m: 'rss',
  n: 'nofile',
  p: 'pipe',
  q: 'msgqueue',
  r: 'rtprio',
  s: 'stack',
  t: 'cpu',
  u: 'nproc',
  v: 'as',
  x: 'locks',
  R: 'rttime',
};

/** dash's names (its own table in miscbltin.c) → limits.conf item. */
const BY_DASH_NAME: Record<string, string> = {
  time: 'cpu',
  file: 'fsize',
  data: 'data',
  stack: 'stack',
  coredump: 'core',
  memory: 'rss',
  'locked memory': 'memlock',
  process: 'nproc',
  nofiles: 'nofile',
  vmemory: 'as',
  locks: 'locks',
  rtprio: 'rtprio',
  nice: 'nice',
  sigpending: 'sigpending',
  msgqueue: 'msgqueue',
  rttime: 'rttime',
};

// Every layout ends in blanks and the value; the line is cut there first, and what comes before is
// read by its own shape. (One pattern per layout, `^(.*?)\s*\(...\)\s+(\d+)\s*$`, backtracks
// quadratically over a long line of `(` or blanks.)
const VALUE = /^(?:\d{1,15}|unlimited)$/;
// zsh: `-n: file descriptors   20000`, `-N 15: rt cpu time (microseconds)   unlimited`.
const ZSH_HEAD = /^-([a-zA-Z])(?: (\d+))?:/;
// dash: `nofiles              20000`, `locked memory(kbytes) 8192`.
const DASH_NAME = /^([a-z][a-z ]*)(?:\(([a-z]+)\))?$/;
const BARE_NUMBER = /^\s*(\d{1,15}|unlimited)\s*$/;
/** A line the paster put for the lines cut out: `[...]`, `...`, `…`, `[…]`. */
const ELISION = /^\s{0,8}(?:\[(?:\.{3}|…)\]|\.{3}|…)\s{0,8}$/;

/** An open-files limit of 0 describes no process that holds an fd: it is not read as one (the limit is then unknown). */
export const NO_FDS = 'an open-files limit of 0 allows no fd at all: not read as the limit';

/** `unlimited` → null; a number → that number; anything else → undefined. */
export function limitNumber(text: string): number | null | undefined {
  if (text === 'unlimited' || text === 'infinity') return null;
  return count(text);
}

interface UlimitLine {
  key: string;
  value: number | null;
  layout: 'flag' | 'zsh' | 'dash';
}

function parseUlimitLine(text: string): UlimitLine | undefined {
  const t = text.trimEnd();
  const cut = lastWordStart(t);
  if (cut === 0 || !VALUE.test(t.slice(cut))) return undefined;
  const value = limitNumber(t.slice(cut))!;
  const before = t.slice(0, cut);
  const flag = flagOf(before.trimEnd());
  if (flag !== undefined) return { key: lookup(BY_FLAG, flag) ?? `-${flag}`, value, layout: 'flag' };
  const netbsd = netbsdName(before.trimEnd());
  if (netbsd !== undefined) return { key: lookup(BY_DASH_NAME, netbsd) ?? netbsd, value, layout: 'dash' };
  const zsh = ZSH_HEAD.exec(before);
  // `-n:`, at least one blank, an optional description, the blank before the value.
  const rest = zsh ? before.slice(zsh[0].length) : '';
  if (zsh && rest.length >= 2 && /\s/.test(rest[0])) {
    const key = zsh[2] !== undefined ? zshNumberedKey(rest.trim()) : (lookup(BY_FLAG, zsh[1]) ?? `-${zsh[1]}`);
    return { key, value, layout: 'zsh' };
  }
  const dash = DASH_NAME.exec(before.trim());
  if (dash) {
    const name = dash[1].trim();
    return { key: lookup(BY_DASH_NAME, name) ?? name, value, layout: 'dash' };
  }
  return undefined;
}

/** Where the last word of a line without trailing blanks starts. */
function lastWordStart(t: string): number {
  let i = t.length;
  while (i > 0 && !/\s/.test(t[i - 1])) i--;
  return i;
}

/** bash / busybox: the option letter of a description that ends in `(unit, -n)` or `(-n)`. */
function flagOf(before: string): string | undefined {
  if (!before.endsWith(')')) return undefined;
  const open = before.lastIndexOf('(');
  const inner = before.slice(open + 1, -1);
  if (open === -1 || inner.includes(')') || !/^-[a-zA-Z]$/.test(inner.slice(-2))) return undefined;
  const unit = inner.slice(0, -2);
  return unit === '' || unit.trimEnd().endsWith(',') ? inner[inner.length - 1] : undefined;
}

/**
 * NetBSD's sh, of dash's family: dash's names, the flag first in parentheses after them,
 * `nofiles       (-n descriptors)` (its `-p` is processes, not bash's pipe size).
 */
function netbsdName(before: string): string | undefined {
  if (!before.endsWith(')')) return undefined;
  const open = before.lastIndexOf('(');
  const inner = before.slice(open + 1, -1);
  if (open <= 0 || inner.includes(')') || !/^-[a-zA-Z]\s/.test(inner)) return undefined;
  const name = before.slice(0, open).trim();
  return DASH_NAME.test(name) ? name : undefined;
}

/** A table's own entry (a name such as `constructor` is not one). */
function lookup(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** zsh prints limits without a letter as `-N 15: rt cpu time (microseconds)`; the unit is dropped. */
function zshNumberedKey(description: string): string {
  if (/rt cpu time/.test(description)) return 'rttime';
  const open = description.indexOf('(');
  return description.endsWith(')') && open !== -1 ? description.slice(0, open).trimEnd() : description;
}

/** `ulimit -n 10`, `ulimit -Sn 4096`, `ulimit -HSn unlimited`: sets the open-files limit (prints nothing). */
const SET_NOFILE = /^ulimit\s+-([SH]{0,2})n([SH]{0,2})\s+(\d{1,10}|unlimited)$/;

/**
 * The open-files limit a `ulimit -n N` typed at a prompt set (line n of file): the soft limit of
 * the shell from then on, and of what it starts. Null for any other command.
 */
export function ulimitSet(command: string, file: string, n: number): UlimitArtifact | null {
  const m = SET_NOFILE.exec(command.trim());
  // -H alone sets the hard limit only.
  if (!m || (`${m[1]}${m[2]}`.includes('H') && !`${m[1]}${m[2]}`.includes('S'))) return null;
  const soft = limitNumber(m[3]);
  if (soft === undefined || soft === 0) return null;
  const value: LimitValue = { soft, ev: ref(file, n, command.trim()) };
  return { records: 1, values: { nofile: value }, openFiles: value, set: true };
}

/** `ulimit -a`, `ulimit -Sa`: the command prints every limit, one a line. */
function isUlimitAll(command?: string): boolean {
  return !!command && /\bulimit\s+-[SH]{0,2}a[SH]{0,2}(?:\s|$)/.test(command);
}

/**
 * A `ulimit -a` cut by its paster to the lines that matter (`[...]`, then `open files (-n) 1024`):
 * the command says what printed them, so one line of bash's or zsh's layout is enough.
 */
function isElidedUlimitAll(lines: string[], command?: string): boolean {
  return isUlimitAll(command) && lines.some((l) => ELISION.test(l)) && allFlagRows(lines);
}

/**
 * `ulimit -Sn -Hn`, `ulimit -n -u`, `ulimit -nu`: given more than one limit, bash prints each in
 * the `ulimit -a` row layout (`open files (-n) 131071`), one row a limit named, so a block of two
 * rows is as sure as a whole table: the command says what printed them (elastic/elasticsearch#87436).
 */
export function isMultiLimitUlimit(command?: string): boolean {
  const m = command ? /\bulimit((?:\s+-[a-zA-Z]{1,8}){1,8})\s*$/.exec(command.trim()) : null;
  if (!m) return false;
  const letters = m[1].replace(/[\s\-SH]/g, '');
  return letters.length >= 2 && !letters.includes('a') && [...letters].every((c) => lookup(BY_FLAG, c) !== undefined);
}

/** Every line of a block is a row of bash's or zsh's `-a` layout (elisions and blanks aside). */
function allFlagRows(lines: string[]): boolean {
  const kept = lines.filter((l) => !ELISION.test(l));
  return (
    kept.length > 0 &&
    kept.every((l) => {
      const layout = parseUlimitLine(l)?.layout;
      return layout === 'flag' || layout === 'zsh';
    })
  );
}

/**
 * One row of bash's `-a` layout for the open-files limit (`open files   (-n) 65535`) under a `ulimit
 * -n`: the paster ran it another way (`ulimit -a | grep open`) or copied that row from a table,
 * and the command says which limit it is (rakshasa/rtorrent#621). Any other row is not read so.
 */
function isOpenFilesRow(line: string): boolean {
  const parsed = parseUlimitLine(line);
  return parsed?.layout === 'flag' && parsed.key === 'nofile' && /^open files\b/.test(line.trim());
}

/** `ulimit -n`, `ulimit -Sn`: the command prints just the open-files limit. */
function isSingleNofileCommand(command?: string): boolean {
  return !!command && /\bulimit\s+-S?n\b/.test(command);
}

export const ulimit: SourceParser<UlimitArtifact> = {
  id: 'ulimit',
  title: 'Shell resource limits (ulimit -a)',
  detect({ head, command }) {
    const lines = head.filter((l) => l.trim() !== '');
    if (lines.length === 0) return 0;
    if (lines.length === 1 && BARE_NUMBER.test(lines[0]) && isSingleNofileCommand(command)) return 0.97;
    if (lines.length === 1 && isOpenFilesRow(lines[0]) && isSingleNofileCommand(command)) return 0.9;
    if (isElidedUlimitAll(lines, command)) return 0.9;
    if (isMultiLimitUlimit(command) && lines.length <= 16 && allFlagRows(lines)) return 0.9;
    let flagged = 0;
    let dashLike = 0;
    let openFiles = false;
    for (const l of lines) {
      const layout = parseUlimitLine(l)?.layout;
      if (layout === 'flag' || layout === 'zsh') flagged++;
      else if (layout === 'dash') dashLike++;
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
    if (hasOption(ctx.command, 'ulimit', 'H')) {
      ctx.warn(undefined, 'hard limits (ulimit -H) are reported as soft: the artifact has no hard-only value');
    }
    const put = (key: string, value: number | null, n: number, text: string) => {
      if (key === 'nofile' && value === 0) return ctx.warn(n, NO_FDS);
      const limit: LimitValue = { soft: value, ev: ref(ctx.file, n, text) };
      if (out.values[key]) ctx.warn(n, `${key} printed twice; keeping the first`);
      else out.values[key] = limit;
      out.records++;
    };
    return {
      line(text, n) {
        if (text.trim() === '' || ELISION.test(text)) return;
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
