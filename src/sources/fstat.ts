// BSD's fstat(1): the open files of every process (`fstat`), of one (`fstat -p PID`) or of a user,
// one row per fd after a header. FreeBSD:
//   USER     CMD          PID   FD MOUNT      INUM MODE         SZ|DV R/W
//   root     sshd        1234 text /       123456 -r-xr-xr-x   887992  r
//   root     sshd        1234    0 /dev        25 crw-rw-rw-     null  r
//   transmis transmission-daemon 22331 1007* internet stream tcp fffff80b62ac4000
//   root     syslogd      612    4* local dgram fffff80003fc0e00
//   root     sshd        1234    5* pipe fffff8000c21a5d0 <-> fffff8000c21a730      0 rw
// OpenBSD and NetBSD print the same columns (R/W before SZ|DV) and `internet6`, `unix`, `kqueue`
// rows. FD is the fd number (`*` after it marks a socket or pipe, which has no mount or inode), or
// a word for what is not an fd: text, wd, root, jail, tr, ctty, mmap. A socket row says its domain,
// type and protocol, never its TCP state: a TCP socket's state is not in fstat's output.
import type { FdKind, FdTableArtifact } from './artifacts.js';
import { ref } from '../types.js';
import type { ParseContext, SourceParser } from './parser.js';
import { isElision } from './fd-kind.js';
import { FdHolderTable, emptyFdTable } from './fd-holders.js';
import { count } from './numbers.js';
import { tallyLeakCheck } from './leak-check-report.js';

/** `USER CMD PID FD MOUNT INUM MODE …`: fstat's header, read as words. */
export function isFstatHeader(text: string): boolean {
  const w = text.trim().split(/\s+/);
  return w[0] === 'USER' && w[1] === 'CMD' && w[2] === 'PID' && w[3] === 'FD' && w[4] === 'MOUNT' && w.includes('INUM', 5);
}

/** An fd (`7`, `1007*`) or one of the words fstat prints for a file that is no fd. */
const FD_WORD = /^(?:\d{1,9}\*?|text|wd|root|jail|tr|ctty|mmap|trace)$/;

export interface FstatRow {
  user: string;
  command: string;
  pid: number;
  /** The fd number; undefined for text, wd, root … (files the process has open that are no fds). */
  fd?: number;
  kind: FdKind;
  /** What the row says the file is: `internet stream tcp`, `pipe`, `local dgram`, the MODE column. */
  type: string;
  /** The mount point and inode of a file, a socket's kernel address: what identifies it. */
  name: string;
}

/**
 * One row of fstat, or undefined for any other line. CMD may hold a blank (p_comm), so the pid is
 * the first number after USER that an fd word follows.
 */
export function parseFstatRow(text: string): FstatRow | undefined {
  if (text.length > 1000) return undefined;
  const w = text.trim().split(/\s+/);
  if (w.length < 5) return undefined;
  let at = -1;
  for (let i = 2; i < Math.min(w.length - 2, 8); i++) {
    if (/^\d{1,9}$/.test(w[i]) && FD_WORD.test(w[i + 1])) {
      at = i;
      break;
    }
  }
  const pid = at < 0 ? undefined : count(w[at]);
  if (pid === undefined) return undefined;
  const fdWord = w[at + 1];
  const rest = w.slice(at + 2);
  const { kind, type } = fstatKind(rest);
  const fd = /^\d/.test(fdWord) ? Number(fdWord.replace('*', '')) : undefined;
  const name =
    kind === 'file' || kind === 'dir' || kind === 'device' ? rest.slice(0, 2).join(' ') : rest.slice(type.split(' ').length).join(' ');
  return { user: w[0], command: w.slice(1, at).join(' '), pid, fd, kind, type, name };
}

/** The kind of an fstat row from the words after its FD column. */
function fstatKind(rest: readonly string[]): { kind: FdKind; type: string } {
  const [first = '', second = '', third = ''] = rest;
  if (first === 'internet' || first === 'internet6') {
    const type = `${first} ${second} ${third}`;
    if (third === 'tcp') return { kind: 'socket-tcp', type };
    if (third === 'udp') return { kind: 'socket-udp', type };
    return { kind: 'socket-other', type };
  }
  if (first === 'local' || first === 'unix') return { kind: 'socket-unix', type: `${first} ${second}` };
  if (first === 'pipe' || first === 'fifo') return { kind: 'pipe', type: first };
  if (first === 'kqueue' || first === 'event' || first === 'eventfd' || first === 'timerfd') return { kind: 'anon', type: first };
  if (first === 'route' || first === 'key' || first === 'netgraph' || first === 'divert') return { kind: 'socket-other', type: first };
  // A file's row: MOUNT INUM MODE …; MODE's first letter says what it is (ls -l's).
  const mode = rest[2] ?? '';
  if (mode.startsWith('d')) return { kind: 'dir', type: mode };
  if (mode.startsWith('c') || mode.startsWith('b')) return { kind: 'device', type: mode };
  if (mode.startsWith('p')) return { kind: 'pipe', type: mode };
  if (mode.startsWith('s')) return { kind: 'socket-other', type: mode };
  if (mode.startsWith('-')) return { kind: 'file', type: mode };
  return { kind: 'other', type: first };
}

export const fstat: SourceParser<FdTableArtifact> = {
  id: 'fstat',
  title: 'Open files per process (BSD fstat)',
  detect({ head }) {
    const lines = head.filter((l) => l.trim() !== '' && !isElision(l));
    if (lines.length === 0) return 0;
    if (lines.some(isFstatHeader)) return 0.95;
    return 0;
  },
  sink(ctx) {
    return new FstatSink(ctx);
  },
};

class FstatSink {
  private readonly table: FdHolderTable;
  private readonly out: FdTableArtifact = emptyFdTable('fstat');
  private warnedOther = false;

  constructor(private readonly ctx: ParseContext) {
    this.table = new FdHolderTable(ctx.file);
  }

  line(text: string, n: number): void {
    if (text.trim() === '') return;
    if (isElision(text)) {
      this.out.elided = true;
      return;
    }
    if (isFstatHeader(text)) {
      this.out.hasHeader = true;
      this.out.header ??= ref(this.ctx.file, n, text);
      return;
    }
    const r = parseFstatRow(text);
    if (!r) {
      // A leak checker's words over the listing it printed (Go's child: `leaked parent file. fd = 88; want 87`).
      if (tallyLeakCheck(this.out, text, this.ctx.file, n)) return;
      if (!this.warnedOther) this.ctx.warn(n, `not an fstat row: ${text.slice(0, 80)}`);
      this.warnedOther = true;
      return;
    }
    const h = this.table.find(r.pid) ?? this.table.add(r.pid, r.command, r.user, n, text);
    this.out.rows++;
    if (r.fd === undefined) return this.table.otherRow(h);
    this.table.fd(h, r.kind, r.type, r.fd, undefined, n, text);
    if (this.table.wantsEntry(h)) this.table.entry(h, String(r.fd), r.kind, r.type, r.name, undefined, undefined, n);
  }

  end(): FdTableArtifact {
    this.out.holders = this.table.holders();
    this.out.records = this.out.rows;
    if (this.out.rows === 0) this.ctx.warn(undefined, 'no fstat rows found');
    return this.out;
  }
}
