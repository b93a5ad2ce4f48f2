// Solaris's and illumos's pfiles(1): the open files of a process, one entry per fd, each entry a
// line `FD: S_IFxxx …` and indented lines under it (its open flags, the path, its offset; a socket's
// type and addresses), after a line naming the process and a line with its fd limit:
//   943395:	/var/tmp/workdir/tmp/TestExtraFiles30452030
//     Current rlimit: 65536 file descriptors
//      0: S_IFCHR mode:0666 dev:574,63 ino:698458753 uid:0 gid:3 rdev:38,2
//         O_RDONLY|O_LARGEFILE
//         /dev/null
//         offset:0
//      5: S_IFREG mode:0755 dev:90,65612 ino:225339 uid:84001 gid:84001 size:2273603
//         O_RDONLY|O_LARGEFILE FD_CLOEXEC
//         /var/tmp/…/read3.exe
// An entry pasted without the line naming the process is an fd of a process the output does not
// name (UNNAMED_PID). The limit line is the process's own limit, which this reader does not keep.
import { UNNAMED_PID, type FdKind, type FdTableArtifact } from './artifacts.js';
import { ref } from '../types.js';
import type { ParseContext, SourceParser } from './parser.js';
import { isElision } from './fd-kind.js';
import { FdHolderTable, emptyFdTable } from './fd-holders.js';
import { count } from './numbers.js';
import { tallyLeakCheck } from './leak-check-report.js';

/** `5: S_IFREG mode:0755 …`: an entry's first line; the fd and the file type. */
const ENTRY = /^\s{0,40}(\d{1,9}): (S_IF[A-Z]{2,5})\b/;
/** An entry's other lines: its flags, offset, a socket's type and addresses; the process's limit. */
const DETAIL = /^\s{1,40}(?:O_[A-Z]|offset:|SOCK_|sockname:|peername:|Current rlimit:|\/)/;
/** `943395:	/path/to/command args`: the line naming the process (pfiles prints a tab after the colon). */
const PROCESS = /^\s{0,40}(\d{1,9}):\t\s{0,8}(\S[^\t]{0,300})$/;

export interface PfilesEntry {
  fd: number;
  kind: FdKind;
  /** The file type pfiles prints: S_IFREG, S_IFCHR, S_IFSOCK … */
  type: string;
}

/** The first line of a pfiles entry, or undefined for any other line. */
export function parsePfilesEntry(text: string): PfilesEntry | undefined {
  if (text.length > 1000) return undefined;
  const m = ENTRY.exec(text);
  const fd = m ? count(m[1]) : undefined;
  if (!m || fd === undefined) return undefined;
  return { fd, kind: pfilesKind(m[2]), type: m[2] };
}

/** The process a pfiles output is of (`PID:<tab>command`), or undefined. */
export function parsePfilesProcess(text: string): { pid: number; command: string } | undefined {
  if (text.length > 400) return undefined;
  const m = PROCESS.exec(text);
  const pid = m ? count(m[1]) : undefined;
  if (!m || pid === undefined) return undefined;
  const argv0 = m[2].split(/\s/)[0];
  return { pid, command: argv0.slice(argv0.lastIndexOf('/') + 1) || argv0 };
}

/** The kind of a file by the type pfiles prints (stat's S_IF… names). */
function pfilesKind(type: string): FdKind {
  switch (type) {
    case 'S_IFREG':
      return 'file';
    case 'S_IFDIR':
      return 'dir';
    case 'S_IFCHR':
    case 'S_IFBLK':
      return 'device';
    case 'S_IFIFO':
      return 'pipe';
    case 'S_IFSOCK':
      return 'socket-other';
    case 'S_IFPORT':
      // An event port (port_create(3C)): Solaris's epoll.
      return 'anon';
    default:
      // S_IFDOOR and any other.
      return 'other';
  }
}

/** An indented line under an entry that is its path. */
function pathOf(text: string): string | undefined {
  const t = text.trim();
  return t.startsWith('/') && t.length < 1000 ? t : undefined;
}

export const pfiles: SourceParser<FdTableArtifact> = {
  id: 'pfiles',
  title: 'Open files of a process (Solaris/illumos pfiles)',
  detect({ head }) {
    return head.some((l) => ENTRY.test(l)) ? 0.9 : 0;
  },
  sink(ctx) {
    return new PfilesSink(ctx);
  },
};

class PfilesSink {
  private readonly table: FdHolderTable;
  private readonly out: FdTableArtifact = emptyFdTable('pfiles');
  private process: { pid: number; command: string } | undefined;
  /** The entry whose path may follow: fd, kind, type and its first line. */
  private open: { entry: PfilesEntry; line: number } | undefined;
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
    const e = parsePfilesEntry(text);
    if (e) return this.entry(e, text, n);
    const p = parsePfilesProcess(text);
    if (p) {
      this.close();
      this.process = p;
      this.out.hasHeader = true;
      this.out.header ??= ref(this.ctx.file, n, text);
      return;
    }
    const path = this.open ? pathOf(text) : undefined;
    if (path !== undefined) return this.close(path);
    if (DETAIL.test(text)) return;
    // A leak checker's words over the listing it printed (Go's child: `leaked parent file. fd = 5; want 4`).
    if (tallyLeakCheck(this.out, text, this.ctx.file, n)) return;
    if (!this.warnedOther) this.ctx.warn(n, `not a pfiles line: ${text.slice(0, 80)}`);
    this.warnedOther = true;
  }

  private entry(e: PfilesEntry, text: string, n: number): void {
    this.close();
    const pid = this.process?.pid ?? UNNAMED_PID;
    const h = this.table.find(pid) ?? this.table.add(pid, this.process?.command ?? '', undefined, n, text);
    this.out.rows++;
    this.table.fd(h, e.kind, e.type, e.fd, undefined, n, text);
    this.open = { entry: e, line: n };
  }

  /** Ends the open entry, with the path its lines gave. */
  private close(path = ''): void {
    const o = this.open;
    this.open = undefined;
    if (!o) return;
    const h = this.table.find(this.process?.pid ?? UNNAMED_PID);
    if (h && this.table.wantsEntry(h))
      this.table.entry(h, String(o.entry.fd), o.entry.kind, o.entry.type, path, undefined, undefined, o.line);
  }

  end(): FdTableArtifact {
    this.close();
    this.out.holders = this.table.holders();
    this.out.records = this.out.rows;
    if (this.out.rows === 0) this.ctx.warn(undefined, 'no pfiles entries found');
    return this.out;
  }
}
