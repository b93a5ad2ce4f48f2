// /proc/PID/limits: the limits of that very process (unlike `ulimit -a`, which shows a shell's).
//   Limit                     Soft Limit           Hard Limit           Units
//   Max open files            65536                65536                files
// The pid is not in the file: it comes from the command (`cat /proc/123/limits`) or from the
// entry's path (a sosreport keeps it as proc/123/limits).
// `prlimit --pid PID` (util-linux) prints the same limits of that process, another way:
//   RESOURCE   DESCRIPTION                             SOFT      HARD UNITS
//   NOFILE     max number of open files               65536     65536
// (`| grep NOFILE` keeps the one row; newer versions print `files` in UNITS). Its pid is the
// command's `-p`/`--pid`; `prlimit` with no pid prints its own limits — the shell's, not a
// service's — and is not read here.
// Solaris's and illumos's `plimit PID` (ptools) prints them under a line naming the process, its
// pid and its arguments (the header every ptool prints), in its own words and units:
//   4205:   collectd -C /etc/opt/csw/collectd.conf -f
//      resource              current         maximum
//     nofiles(descriptors)  16384           32768
import type { LimitValue, ProcLimitsArtifact } from './artifacts.js';
import { ref } from '../types.js';
import type { SourceParser } from './parser.js';
import { containerExec } from './container-exec.js';
import { isElision } from './fd-kind.js';
import { NO_FDS, limitNumber } from './ulimit.js';

const HEADER = /^Limit\s+Soft Limit\s+Hard Limit\s+Units\s*$/;
const NAME_WORD = /^[a-z]+$/;
const VALUE = /^(?:\d{1,15}|unlimited)$/;

/**
 * `Max open files   65536   65536   files` → name, soft, hard; undefined for any other line. Read as
 * words: `(Max [a-z ]+?)\s+` lets the lazy name and the blanks after it split a long run many ways.
 */
function limitsRow(text: string): { name: string; soft: string; hard: string } | undefined {
  if (!text.startsWith('Max ')) return undefined;
  const words = text.trimEnd().split(/\s+/);
  // The shortest name after which come soft, hard and at most a unit (`unlimited` is a word too).
  for (let i = 2; i + 2 <= words.length && NAME_WORD.test(words[i - 1]); i++) {
    if (words.length <= i + 3 && VALUE.test(words[i]) && VALUE.test(words[i + 1])) {
      return { name: words.slice(0, i).join(' '), soft: words[i], hard: words[i + 1] };
    }
  }
  return undefined;
}

/** Kernel row name → limits.conf item (the keys `ulimit -a` uses too). */
const KEYS: Record<string, string> = {
  'Max cpu time': 'cpu',
  'Max file size': 'fsize',
  'Max data size': 'data',
  'Max stack size': 'stack',
  'Max core file size': 'core',
  'Max resident set': 'rss',
  'Max processes': 'nproc',
  'Max open files': 'nofile',
  'Max locked memory': 'memlock',
  'Max address space': 'as',
  'Max file locks': 'locks',
  'Max pending signals': 'sigpending',
  'Max msgqueue size': 'msgqueue',
  'Max nice priority': 'nice',
  'Max realtime priority': 'rtprio',
  'Max realtime timeout': 'rttime',
};

// `/proc/123/limits`, or the file `fdleak collect` saves it as, `proc-123-limits.txt` (the path flattened).
const PID_IN_PATH = /(?:^|[\s/])(?:proc\/(\d{1,15})\/limits|proc-(\d{1,15})-limits)\b/;
/** `prlimit`, `/usr/bin/prlimit`, `sudo prlimit`: the word, after a blank, a shell separator or a path's slash. */
const PRLIMIT = /(?:^|[\s;|&(/])prlimit\b/;
const PRLIMIT_PID = /(?:^|\s)(?:-p\s?|--pid[=\s])(\d{1,15})\b/;
const PRLIMIT_HEADER = /^\s*RESOURCE\s+DESCRIPTION\s+SOFT\s+HARD\s+UNITS\s*$/;

const PLIMIT = /(?:^|[\s;|&(/])plimit\b/;
const PLIMIT_PID = /\bplimit\s+(?:-[km]\s+)?(\d{1,15})\b/;
const PLIMIT_HEADER = /^\s*resource\s+current\s+maximum\s*$/;
/** A ptool's first line: `4205:   collectd -C /etc/opt/csw/collectd.conf -f` — pid, then its arguments. */
const PTOOL_HEAD = /^(\d{1,15}):\s+(\S.{0,1000})$/;
/** plimit's resource names → limits.conf items. */
const PLIMIT_KEYS: Record<string, string> = {
  'time(seconds)': 'cpu',
  'file(blocks)': 'fsize',
  'data(kbytes)': 'data',
  'stack(kbytes)': 'stack',
  'coredump(blocks)': 'core',
  'nofiles(descriptors)': 'nofile',
  'vmemory(kbytes)': 'as',
};

/** `  nofiles(descriptors)  256   65536` → its limits.conf key, current, maximum; undefined for any other line. */
function plimitRow(text: string): { key: string; soft: string; hard: string } | undefined {
  const words = text.trim().split(/\s+/);
  const key = words.length === 3 ? PLIMIT_KEYS[words[0]] : undefined;
  if (!key || !VALUE.test(words[1]) || !VALUE.test(words[2])) return undefined;
  return { key, soft: words[1], hard: words[2] };
}

/** The process a ptool's first line names: pid, its program (the first word's last part) and its arguments. */
export function ptoolHead(text: string): { pid: number; command: string; cmdline: string } | undefined {
  const m = PTOOL_HEAD.exec(text.trimEnd());
  if (!m) return undefined;
  const cmdline = m[2];
  const first = cmdline.split(/\s/, 1)[0];
  return { pid: Number(m[1]), command: first.slice(first.lastIndexOf('/') + 1), cmdline };
}

/** The pid from `cat /proc/123/limits`, `prlimit -p 123`, or a path such as `sosreport-x/proc/123/limits` or `proc-123-limits.txt`. */
function limitsPid(command?: string, name?: string): number | undefined {
  // `docker exec web cat /proc/1/limits`: pid 1 of the container, not of the host.
  if (containerExec(command) !== undefined) return undefined;
  const prlimit = command && PRLIMIT.test(command) ? PRLIMIT_PID.exec(command) : null;
  const plimit = command && PLIMIT.test(command) ? PLIMIT_PID.exec(command) : null;
  const m = prlimit || plimit || (command && PID_IN_PATH.exec(command)) || (name && PID_IN_PATH.exec(name));
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/**
 * `NOFILE     max number of open files    65536    65536 [files]` → its limits.conf key, soft,
 * hard; undefined for any other line. Read as words: the resource, its description, two values.
 */
function prlimitRow(text: string): { key: string; soft: string; hard: string } | undefined {
  const words = text.trim().split(/\s+/);
  if (words.length < 4 || !/^[A-Z]{2,12}$/.test(words[0])) return undefined;
  const unit = VALUE.test(words[words.length - 1]) ? 0 : 1;
  const soft = words[words.length - 2 - unit];
  const hard = words[words.length - 1 - unit];
  if (!VALUE.test(soft) || !VALUE.test(hard) || words.length - 2 - unit < 2) return undefined;
  return { key: words[0].toLowerCase(), soft, hard };
}

export const procLimits: SourceParser<ProcLimitsArtifact> = {
  id: 'proc-limits',
  title: 'Limits of one process (/proc/PID/limits)',
  detect({ head, name, command }) {
    // `...` above and below the row someone kept (podman#21912) marks the rows they left out.
    const lines = head.filter((l) => l.trim() !== '' && !isElision(l));
    if (lines.length === 0) return 0;
    if (HEADER.test(lines[0])) return 0.98;
    // plimit's table, under the ptool line that names its process (or its pid in the command).
    if (PLIMIT_HEADER.test(lines[1] ?? '') && ptoolHead(lines[0])) return 0.97;
    if (PLIMIT_HEADER.test(lines[0]) && command !== undefined && PLIMIT_PID.test(command)) return 0.95;
    const prlimit = command !== undefined && PRLIMIT.test(command);
    // prlimit's table (or its NOFILE row), of the process its command names.
    if (prlimit && !PRLIMIT_PID.test(command)) return 0;
    if (PRLIMIT_HEADER.test(lines[0]) || (prlimit && lines.every((l) => prlimitRow(l) !== undefined))) return 0.95;
    const rows = lines.filter((l) => limitsRow(l) !== undefined).length;
    const hinted = /\/limits\b/.test(command ?? '') || /(^|\/)limits$/.test(name);
    if (rows >= 3 && rows >= lines.length * 0.8) return hinted ? 0.95 : 0.85;
    // `grep 'open files' /proc/PID/limits`: the one row people keep.
    if (rows >= 1 && rows === lines.length && hinted) return 0.9;
    // The same row pasted alone, without its command: only the kernel's file prints it with its
    // unit word (`Max open files   32768   32768   files`; ulimit -a says `open files (-n) 32768`).
    if (lines.length === 1 && rows === 1 && /^Max open files\s.*\sfiles\s*$/.test(lines[0])) return 0.8;
    return 0;
  },
  sink(ctx) {
    const out: ProcLimitsArtifact = { records: 0, values: {} };
    const pid = limitsPid(ctx.command, ctx.file);
    if (pid !== undefined) out.pid = pid;
    return {
      line(text, n) {
        if (text.trim() === '' || isElision(text) || HEADER.test(text) || PRLIMIT_HEADER.test(text) || PLIMIT_HEADER.test(text)) return;
        const head = out.records === 0 && out.command === undefined ? ptoolHead(text) : undefined;
        if (head) {
          Object.assign(out, { pid: head.pid, command: head.command, cmdline: head.cmdline, named: ref(ctx.file, n, text) });
          return;
        }
        const row = limitsRow(text);
        const pr = row ? undefined : (prlimitRow(text) ?? plimitRow(text));
        const m = row ? { key: KEYS[row.name] ?? row.name, soft: row.soft, hard: row.hard } : pr;
        if (!m) {
          ctx.warn(n, `not a /proc/PID/limits row: ${text.slice(0, 80)}`);
          return;
        }
        const key = m.key;
        if (key === 'nofile' && (Number(m.soft) === 0 || Number(m.hard) === 0)) return ctx.warn(n, NO_FDS);
        const value: LimitValue = { soft: limitNumber(m.soft)!, hard: limitNumber(m.hard)!, ev: ref(ctx.file, n, text) };
        out.values[key] = value;
        out.records++;
      },
      end() {
        if (out.values.nofile) out.openFiles = out.values.nofile;
        if (out.records === 0 && out.command === undefined) ctx.warn(undefined, 'no /proc/PID/limits rows found');
        if (out.pid === undefined && out.records > 0) {
          ctx.warn(undefined, 'the process is not named: neither the command nor the path says /proc/PID/limits');
        }
        return out;
      },
    };
  },
};
