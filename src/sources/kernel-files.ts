// The host-wide file limits:
//   cat /proc/sys/fs/file-max         2442976                 (a bare number: the command says which)
//   cat /proc/sys/fs/file-nr          416	0	2466174       (allocated, unused, max)
//   cat /proc/sys/fs/nr_open          1048576                 (the ceiling of any RLIMIT_NOFILE)
//   sysctl -a / sysctl fs.file-max    fs.file-max = 2442976   (the fs.* lines, anywhere in the file)
//   grep . /proc/sys/fs/file-*        /proc/sys/fs/file-max:2442976
// BSD's and macOS's sysctl prints the same limits under its own names, `name: value` (FreeBSD,
// macOS) or `name=value` (OpenBSD, NetBSD), and `old -> new` when it sets one (`sysctl -w`):
//   kern.maxfiles: 12288              the host's file table (file-max)
//   kern.openfiles: 1873              files open on the host now: FreeBSD (macOS kern.num_files,
//   kern.nfiles=252                   OpenBSD's and NetBSD's kern.nfiles), file-nr's first number
//   kern.maxfilesperproc: 10240       the ceiling of any process's limit (nr_open)
// Its other keys (`kern.ipc.numopensockets: 11301`) are sysctl lines too, not read.
// A file-max of 9223372036854775807 (LONG_MAX, what systemd 240 and later set) is no limit: it is
// read as NO_FILE_LIMIT, a value no count reaches, and said as "no limit".
import type { KernelFilesArtifact } from './artifacts.js';
import { ref, type EvidenceRef } from '../types.js';
import type { SourceParser } from './parser.js';
import { BARE_NUMBER, KERNEL_FILES_HINT } from './line-count.js';

type Key = 'file-max' | 'file-nr' | 'nr_open';

// The value runs to the end of the line and is trimmed in code: `\s*(.*?)\s*$` backtracks.
const SYSCTL_LINE = /^fs\.(file-max|file-nr|nr_open)\s*=(.*)$/s;
const PATH_LINE = /^(?:\S*\/)?proc\/sys\/fs\/(file-max|file-nr|nr_open):(.*)$/s;
/** Any `a.b = value` line of `sysctl -a`. (Not `(?:\.[\w.]+)+`: dots on both sides of the `+` are exponential.) */
const ANY_SYSCTL = /^[a-z0-9_-]+\.[\w.*:/-]+ = /;
/** A BSD sysctl line: `kern.maxfiles: 12288`, `kern.nfiles=252`, `kern.maxfilesperproc: 10240 -> 11000`. */
const BSD_SYSCTL = /^([a-z][\w-]{0,30}(?:\.[\w%-]{1,40}){1,6})(?:: |=)(\S.{0,200})$/;
const BSD_KEYS: Record<string, Key | 'open'> = {
  'kern.maxfiles': 'file-max',
  'kern.maxfilesperproc': 'nr_open',
  'kern.openfiles': 'open',
  'kern.num_files': 'open',
  'kern.nfiles': 'open',
};

/** A BSD sysctl line's key and value (the new value of `old -> new`); undefined for any other line. */
export function bsdSysctl(text: string): { key: string; value: string } | undefined {
  const m = BSD_SYSCTL.exec(text.trim());
  if (!m) return undefined;
  const arrow = m[2].lastIndexOf(' -> ');
  return { key: m[1], value: (arrow < 0 ? m[2] : m[2].slice(arrow + 4)).trim() };
}

function bsdKey(text: string): Key | 'open' | undefined {
  const line = bsdSysctl(text);
  return line && Object.hasOwn(BSD_KEYS, line.key) ? BSD_KEYS[line.key] : undefined;
}

/** LONG_MAX, the kernel's largest file-max: the host's table has no practical limit. */
const LONG_MAX = '9223372036854775807';
/** What a file-max (or file-nr's max) of LONG_MAX is read as: larger than any count, and exact. */
export const NO_FILE_LIMIT = Number.MAX_SAFE_INTEGER;
/** At most 15 digits each (see numbers.ts), or LONG_MAX (a maximum). */
const NUMBERS = /^\s*(\d{1,15}|9223372036854775807)(?:\s+(\d{1,15})\s+(\d{1,15}|9223372036854775807))?\s*$/;

/** A value as read: LONG_MAX is NO_FILE_LIMIT. */
function readLimit(text: string): number {
  return text === LONG_MAX ? NO_FILE_LIMIT : Number(text);
}

/** The files a command or file name names, in order: `cat file-nr file-max` prints their lines in that order. */
function namedKeys(text: string): Key[] {
  return [...text.matchAll(/(file-max|file-nr|nr_open)/g)].map((m) => m[1] as Key);
}

export const kernelFiles: SourceParser<KernelFilesArtifact> = {
  id: 'kernel-files',
  title: 'Host file limits (/proc/sys/fs/file-max, file-nr, nr_open)',
  detect({ head, name, command }) {
    const lines = head.filter((l) => l.trim() !== '');
    if (lines.length === 0) return 0;
    if (lines.some((l) => SYSCTL_LINE.test(l) || PATH_LINE.test(l))) return 0.97;
    const sysctlName = /sysctl/.test(command ?? '') || /sysctl/.test(name);
    const bsd = lines.filter((l) => bsdSysctl(l) !== undefined).length;
    if (bsd === lines.length && lines.some((l) => bsdKey(l) !== undefined)) return 0.95;
    if (bsd === lines.length && sysctlName) return 0.9;
    const sysctlLines = lines.filter((l) => ANY_SYSCTL.test(l)).length;
    // `sysctl -a` sorts fs.* after abi.*, debug.* and dev.*, which can fill the first lines.
    if (sysctlLines >= lines.length * 0.8) return sysctlName ? 0.9 : 0.6;
    if (!lines.every((l) => NUMBERS.test(l))) return 0;
    const hint = command ?? name;
    if (KERNEL_FILES_HINT.test(hint)) return 0.97;
    // file-nr's three numbers, the middle one 0 on every kernel since 2.6.
    if (lines.length === 1 && /^\s*\d{1,15}\s+0\s+(?:\d{1,15}|9223372036854775807)\s*$/.test(lines[0])) return 0.6;
    return 0;
  },
  sink(ctx) {
    const out: KernelFilesArtifact = { records: 0 };
    let open: { value: number; ev: EvidenceRef } | undefined;
    let sysctlLines = 0;
    // Bare lines are matched to the files the command names, in order.
    const pending = namedKeys(ctx.command ?? ctx.file);
    const set = (key: Key, value: string, n: number, text: string) => {
      const m = NUMBERS.exec(value);
      const ev: EvidenceRef = ref(ctx.file, n, text);
      if (!m) {
        ctx.warn(n, `${key} is not a number: ${value.slice(0, 40)}`);
        return;
      }
      // A maximum of 0 allows no open file on the host: it is no limit (the headroom rule divides by it).
      const max = key === 'file-nr' ? m[3] : key === 'file-max' ? m[1] : undefined;
      if (max !== undefined && Number(max) === 0) {
        ctx.warn(n, `${key}: a maximum of 0 allows no open file on the host; not read as the limit`);
        return;
      }
      if (key === 'file-nr') {
        if (m[2] === undefined) ctx.warn(n, `file-nr should print three numbers: ${value.slice(0, 40)}`);
        else if (m[1] === LONG_MAX) ctx.warn(n, `file-nr: ${LONG_MAX} is no count of allocated handles`);
        else out.fileNr = { allocated: Number(m[1]), unused: Number(m[2]), max: readLimit(m[3]), ev };
      } else if (m[2] !== undefined) {
        ctx.warn(n, `${key} should print one number: ${value.slice(0, 40)}`);
        return;
      } else if (key === 'file-max') out.fileMax = { value: readLimit(m[1]), ev };
      else if (m[1] === LONG_MAX) {
        ctx.warn(n, `nr_open: ${LONG_MAX} is no per-process ceiling`);
        return;
      } else out.nrOpen = { value: Number(m[1]), ev };
      out.records++;
    };
    return {
      line(text, n) {
        if (text.startsWith('fs.')) {
          const m = SYSCTL_LINE.exec(text);
          if (m) set(m[1] as Key, m[2].trim(), n, text);
          return;
        }
        const path = PATH_LINE.exec(text);
        if (path) {
          set(path[1] as Key, path[2].trim(), n, text);
          return;
        }
        if (text.trim() === '' || ANY_SYSCTL.test(text)) return;
        const bsd = bsdSysctl(text);
        if (bsd) {
          sysctlLines++;
          const key = bsdKey(text);
          if (key === 'open' && /^\d{1,15}$/.test(bsd.value)) open = { value: Number(bsd.value), ev: ref(ctx.file, n, text) };
          else if (key && key !== 'open') set(key, bsd.value, n, text);
          return;
        }
        if (NUMBERS.test(text)) {
          const key = pending.shift() ?? (BARE_NUMBER.test(text) ? undefined : 'file-nr');
          if (key) set(key, text, n, text);
          else ctx.warn(n, 'a bare number, but neither the command nor the file name says whether it is file-max or nr_open');
          return;
        }
        ctx.warn(n, `not a kernel file-limit line: ${text.slice(0, 80)}`);
      },
      end() {
        // The files open on a BSD host, against its table: file-nr's allocated and max.
        if (open && out.fileMax && out.fileMax.value > 0) {
          out.fileNr = { allocated: open.value, unused: 0, max: out.fileMax.value, ev: open.ev };
          out.records++;
        }
        if (out.records === 0 && sysctlLines === 0) ctx.warn(undefined, 'no file-max, file-nr or nr_open value found');
        return out;
      },
    };
  },
};
