// `ls -l /proc/PID/fd`: the kernel's own fd table, one symlink per fd.
//   total 0
//   lrwx------ 1 root root 64 Nov 25 18:58 3 -> socket:[22230]
//   l-wx------ 1 root root 64 Nov 25 18:58 9 -> /tmp/leaker-app.log (deleted)
// The listing does not say whose fds these are: the pid comes from the command, from a
// `/proc/PID/fd:` heading (`ls -l /proc/*/fd`), or from the entry's path. A bare
// `socket:[N]` does not say whether it is connected: socket-other.
// `find /proc/*/fd -ls` (often `| grep deleted`) prints the same rows behind the inode and block
// count, each link named by its path, and escapes blanks in names:
//    15953    0 l-wx------   1 xxx    xxx   64 Oct 13 13:23 /proc/1265/fd/3 -> /var/log/temp.log\ (deleted)
// busybox's lsof (in containers) prints the same links with their pid and program, no header:
//   1       /usr/local/bin/wiring   98      anon_inode:[pidfd]
// (older busybox, on embedded boards, without the fd number: `571     /usr/sbin/ifplugd       pipe:[12414]`)
// `ls -l /proc/self/fd` lists the fds of that `ls` (ownListing). An fd closed between ls reading the
// folder and reading its link (busybox's own folder fd, in such a listing) shows no target, and ls says so:
//   ls: /proc/self/fd/3: cannot read link: No such file or directory
//   lr-x------    1 root     root            64 Aug 29 08:42 3
// eza (exa), which desktops alias `ls` to, prints the same links without the link count and group:
//   lrwx------ 64 user 16 Oct 21:43  0 -> /dev/pts/4
// `tree /proc/PID/fd` (or `tree -l`) prints each link behind its branch, under the folder's path
// and over its report, escaping a blank in a name as ls -b does:
//   /proc/143645/fd
//   ├── 1 -> /home/hadoop/nohup.out\ (deleted)
//   └── 3 -> /home/hadoop/test.txt
//   0 directories, 4 files
import type { FdTableArtifact } from './artifacts.js';
import { ref } from '../types.js';
import type { ParseContext, SourceParser } from './parser.js';
import { containerExec } from './container-exec.js';
import { isElision, linkTargetKind } from './fd-kind.js';
import { FdHolderTable, emptyFdTable } from './fd-holders.js';
import { UNNAMED_PID, type FdHolder } from './artifacts.js';
import { maxOf } from '../many-values.js';
import { argumentsOf } from '../command-words.js';
import { isLsTotal } from './ls-total.js';

/** What precedes the fd number when the link is named by its path: `<blank>/proc/PID/fd/`. */
const LINK_PATH = /\s\/proc\/(\d{1,10})\/fd\/$/;
/** `ls -la`'s row of the fd folder itself: perms (an SELinux `.`, an ACL `+`, macOS's `@` after them) links owner group size, then its date and ` .`. */
const DOT_ROW = /^d[-rwxsStT]{9}[.+@]?\s{1,40}\d{1,9}\s{1,40}\S{1,64}\s{1,40}\S{1,64}\s{1,40}(\d{1,9})\s/;
/** `ls -la`'s rows of the folder itself and its parent (`dr-x------ 2 root root 0 Mar 16 02:24 .`, `… ..`). */
const FOLDER_ROW = /^d[-rwxsStT]{9}\S*\s.{0,200}\s\.\.?\/?$/;
/** perms links owner group size, each word's class apart from the blanks around it. */
const LINK_HEAD = /^l([-r])([-w])[-xsStT]\S*\s+\d+\s+(\S+)\s+\S+\s+\d+(?=\s)/;
/**
 * eza's (exa's) long view, which desktops alias `ls` to: perms size owner, no link count or group
 * (`lrwx------ 64 user 16 Oct 21:43  0 -> /dev/pts/4`; a size it cannot tell is `-`).
 */
const EZA_LINK_HEAD = /^l([-r])([-w])[-xsStT]\S*\s+(?:\d{1,20}|-)\s+(\S+)(?=\s)/;

interface FdLink {
  read: boolean;
  write: boolean;
  user: string;
  fd: string;
  target: string;
  /** `ls -l /proc/PID/fd/*` names each link by its path: the pid is in it. */
  pid?: number;
  /** eza's row: its long view prints no `total` line, so a listing without one is not cut for that. */
  eza?: boolean;
}

/**
 * `perms links owner group size <date in any --time-style> fd -> target`, or undefined. Read in
 * code: the date has no fixed shape, and a pattern with `.*?\s(\d+) -> ` backtracks over a long line.
 */
function parseFdLink(line: string): FdLink | undefined {
  const branch = TREE_BRANCH.exec(line);
  const cut = CUT_ROW.exec(branch ? line.slice(branch[0].length) : line);
  if (cut) {
    const [, r, w, pid, fd, raw] = cut;
    const target = raw.trimEnd();
    // find's `\ ` escape survives only in the rows named by their path (find's own), and tree's in its own.
    const link: FdLink = {
      read: r === 'r',
      write: w === 'w',
      user: '',
      fd,
      target: (pid || branch) && target.includes('\\ ') ? unescaped(target) : unquoted(target),
    };
    if (pid) link.pid = Number(pid);
    return link;
  }
  // `find /proc/*/fd -ls` prints the inode and block count before the mode, and escapes blanks
  // and backslashes in names (`/tmp/x\ (deleted)`).
  const found = FIND_LS_HEAD.exec(line);
  const row = found ? line.slice(found[0].length) : line;
  const ls = LINK_HEAD.exec(row);
  const head = ls ?? EZA_LINK_HEAD.exec(row);
  if (!head) return undefined;
  // A row that stops right after its arrow (`... 8368 ->`: cut as pasted, or its target lost on
  // the way, as a mail archive does) still names an open fd; its target is empty.
  const text = row.endsWith(' ->') ? `${row} ` : row;
  // The date (any words, maybe none) ends with a blank before the fd: `size <blank> date <blank> fd -> `.
  for (let arrow = text.indexOf(' -> ', head[0].length); arrow !== -1; arrow = text.indexOf(' -> ', arrow + 1)) {
    let fdStart = arrow;
    while (fdStart > 0 && text.charCodeAt(fdStart - 1) >= 48 && text.charCodeAt(fdStart - 1) <= 57) fdStart--;
    if (fdStart === arrow || arrow - fdStart > 15 || fdStart - 1 <= head[0].length) continue;
    // `... 18 -> target`, or `... /proc/17222/fd/18 -> target` (a glob of the fd folder).
    const path = text[fdStart - 1] === '/' ? LINK_PATH.exec(text.slice(head[0].length, fdStart)) : null;
    if (!path && !/\s/.test(text[fdStart - 1])) continue;
    const link: FdLink = {
      read: head[1] === 'r',
      write: head[2] === 'w',
      user: head[3],
      fd: text.slice(fdStart, arrow),
      target: found ? unescaped(text.slice(arrow + 4)) : unquoted(text.slice(arrow + 4)),
    };
    if (path) link.pid = Number(path[1]);
    if (!ls) link.eza = true;
    return link;
  }
  return undefined;
}

/**
 * An `ls -l` row of an fd folder cut down to `fd -> target`: its last three words, as `ls -l
 * /proc/PID/fd | awk '{print $9, $10, $11}'` prints (supervisor#807's "here is fds"); with its mode
 * kept, `mode fd -> target` (the middle words cut away by hand or by awk, PurpleI2P/i2pd#1764:
 * `lrwx------  990 -> anon_inode:[eventfd]`: the mode says read and write); or named by its path,
 * `/proc/PID/fd/N -> target`, as `find -ls` over every fd folder cut to its last words (vector#8101's
 * `/proc/3961658/fd/40 -> /var/log/pods/…/1.log.20210701-075620\ (deleted)`), `find -printf '%p ->
 * %l\n'` or a `readlink` loop print it (the pid in the path). The target is one only an fd link has —
 * a path, or `type:[N]` / `anon_inode:…` (GNU ls's quotes kept by awk) — so a line of prose with an
 * arrow is none.
 */
const CUT_ROW =
  /^\s{0,8}(?:l([-r])([-w])[-xsStT]{7}[.+@]?\s{1,8}|\/proc\/(\d{1,10})\/fd\/)?(\d{1,10}) -> ('?(?:\/|[a-z_]{1,20}:)\S.{0,4095})$/;

/**
 * tree's branch before an entry, `├── ` / `└── ` (`|-- ` / `` `-- `` with --charset=ascii), behind
 * the rails of the folders above it (`│   `, four blanks): what is left is `fd -> target`.
 */
const TREE_BRANCH = /^(?:[│|] {1,3}| {4}){0,8}(?:[├└]── |[|`]-- )/;
/** tree's first line, the folder it was given (`/proc/1909/fd`, a path alone: a link's row to that folder is none), and its last, its report (`0 directories, 4 files`). */
const TREE_ROOT = /^(?:\S{0,4096}\/)?proc\/(\d{1,15})\/fd\/?$/;
const TREE_REPORT = /^\d{1,15} director(?:y|ies), \d{1,15} files?$/;

/** `find -ls`'s inode and block count before a link's mode: ` 14327    0 lrwx------ …`. */
const FIND_LS_HEAD = /^\s{0,20}\d{1,20}\s{1,20}\d{1,20}\s{1,20}(?=l[-r][-w])/;

/** find -ls writes a blank or a backslash in a name as `\ ` / `\\`: the name as it is. */
function unescaped(target: string): string {
  return target.replace(/\\([\\ ])/g, '$1');
}

/** GNU ls on a terminal quotes a name with `[`, blanks or `$` in it: `'pipe:[775725]'`. */
function unquoted(target: string): string {
  return target.length >= 2 && target.startsWith("'") && target.endsWith("'") && !target.slice(1, -1).includes("'")
    ? target.slice(1, -1)
    : target;
}
/** busybox lsof: pid, the program's path, fd, the link's target (a path or `type:[...]`). */
const BUSYBOX_ROW = /^\s*(\d{1,10})\s+(\S{1,4096})\s+(\d{1,10})\s+((?:\/|[a-z_]{1,20}:)\S.*)$/;
/**
 * Older busybox lsof (`printf("%d\t%s\t%s\n", pid, exe, link)`, still in Buildroot and OpenWrt
 * images): pid, the program's path, the link's target — no fd number (`571\t/usr/sbin/ifplugd\tpipe:[12414]`).
 */
const BUSYBOX_ROW_NO_FD = /^\s*(\d{1,10})\s+(\/\S{0,4095})\s+((?:\/|[a-z_]{1,20}:)\S.*)$/;

/**
 * Whether a line is surely an fd's link: an `ls -l` link row, a newer busybox lsof row, or an older
 * one whose target only an fd has (`socket:[N]`, `pipe:[N]`, `anon_inode:…`, a device) — or any
 * target, a plain file too, when the command that printed it is `lsof` (`lsof |grep file` in a
 * container: `22316   /usr/bin/ganesha.nfsd   /data/6Gfile (deleted)`). A `pid path path` line alone
 * is also what `ps -eo pid,args` prints for a program given a file.
 */
function fdLinkLike(text: string, byLsof: boolean): boolean {
  if (parseFdLink(text) !== undefined || BUSYBOX_ROW.test(text)) return true;
  const old = BUSYBOX_ROW_NO_FD.exec(text);
  return old !== null && (byLsof || /^(?:[a-z_]{1,20}:|\/dev\/)/.test(old[3]));
}

/** A busybox lsof row; `fd` is '' when the row prints none (the older format). */
function parseBusyboxRow(text: string): { pid: number; program: string; fd: string; target: string } | undefined {
  const m = BUSYBOX_ROW.exec(text);
  if (m) return { pid: Number(m[1]), program: m[2].slice(m[2].lastIndexOf('/') + 1) || m[2], fd: m[3], target: m[4].trimEnd() };
  const old = BUSYBOX_ROW_NO_FD.exec(text);
  if (!old) return undefined;
  return { pid: Number(old[1]), program: old[2].slice(old[2].lastIndexOf('/') + 1) || old[2], fd: '', target: old[3].trimEnd() };
}

/** ls's notice of a link it could not read (busybox's `ls: DIR/3: cannot read link: …`, GNU's `ls: cannot read symbolic link 'DIR/3': …`). */
const LS_NOTICE = /^ls: .{0,300}cannot read/;
/** The fd a notice names. */
const NOTICE_FD = /\/fd\/(\d{1,10})\b/;
/** A link's row with no arrow, its fd last: ls could not read the link. */
const ARROWLESS_ROW = /^l[-rwxsStT]{9}\S*\s.{0,200}\s(\d{1,10})$/;
/** The folder of the process reading it. */
const SELF_FD = /\/proc\/(?:thread-)?self\/fd\b/;
/** An fd folder of /proc, as an `ls` of its own fds opens it (`/proc/940/fd`, `/proc/940/task/940/fd`). */
const FD_FOLDER = /^\/proc\/\d{1,10}(?:\/task\/\d{1,10})?\/fd\/?$/;
/** `ls` as a word of the command. */
const LS_WORD = /(?:^|[\s;|&(`'"])ls(?=\s)/;

/** The listing is of the program printing it: `ls -l /proc/self/fd`, `docker exec web ls -l '/proc/self/fd'`. */
function isOwnListing(command: string): boolean {
  const self = SELF_FD.exec(command);
  return self !== null && LS_WORD.test(command.slice(0, self.index));
}

// Pids and fds: at most 15 digits (exact; see numbers.ts).
const HEADING = /^(?:.*\/)?proc\/(\d{1,15})\/fd:$/;
const PID_IN_COMMAND = /\/proc\/(\d{1,15})\/fd\b/;
/** sosreport `proc/1234/fd`, or a capture named `proc-1234-fd.txt` / `fd-1234.txt` / `child-1234-fd.txt`. */
const PID_IN_PATH = /proc[/_-](\d{1,15})[/_-]fd|fd[_-](\d{1,15})(?:\.\w{1,16})?$|(?:^|[^\d])(\d{2,15})[-_]fd(?:\.\w{1,16})?$/;

export const procFd: SourceParser<FdTableArtifact> = {
  id: 'proc-fd',
  title: 'The kernel fd table of a process (ls -l /proc/PID/fd)',
  detect({ head, command }) {
    // `ls -la`'s own `.` and `..` rows are the folder's, no fd's: a short table (DynamoRIO#2884's
    // four fds) would fall under the share of link rows with them counted.
    const lines = head.filter(
      (l) =>
        l.trim() !== '' &&
        !isElision(l) &&
        !isLsTotal(l) &&
        !HEADING.test(l) &&
        !TREE_ROOT.test(l) &&
        !TREE_REPORT.test(l) &&
        !FOLDER_ROW.test(l) &&
        !LS_NOTICE.test(l),
    );
    if (lines.length === 0) return 0;
    const links = lines.filter((l) => parseFdLink(l) !== undefined || parseBusyboxRow(l) !== undefined || ARROWLESS_ROW.test(l)).length;
    if (links === 0 || links < lines.length * 0.8) return 0;
    const byLsof = argumentsOf(command, 'lsof') !== undefined;
    if (!lines.some((l) => fdLinkLike(l, byLsof))) return 0;
    return command && PID_IN_COMMAND.test(command) ? 0.97 : 0.9;
  },
  sink(ctx) {
    return new ProcFdSink(ctx);
  },
};

class ProcFdSink {
  private readonly table: FdHolderTable;
  private readonly out: FdTableArtifact = emptyFdTable('proc-fd');
  private pid: number | undefined;
  private holder: FdHolder | undefined;
  /** The first row listed under no pid: said at the end, unless the listing turns out to be an ls's own. */
  private noPidLine: number | undefined;
  /** Each pid's fd numbers in the order listed (up to TEXT_ORDER_ROWS), to tell a head of `ls`'s text order. */
  private readonly order = new Map<number, number[]>();
  /** The size `ls -la` shows for each pid's fd folder (`.`): since Linux 6.2, its number of open fds; 0 before. */
  private readonly folderSize = new Map<number, { size: number; line: number }>();
  /** Fds ls said it could not read the link of: closed while it listed the folder. */
  private readonly unreadable = new Set<string>();

  constructor(private readonly ctx: ParseContext) {
    this.table = new FdHolderTable(ctx.file);
    // Run inside a container (`docker exec web ls -l /proc/1/fd`), its pid is the container's: none of the host's.
    const inside = containerExec(ctx.command) !== undefined;
    const m = inside ? null : (PID_IN_COMMAND.exec(ctx.command ?? '') ?? PID_IN_PATH.exec(ctx.file));
    if (m) this.pid = Number(m[1] ?? m[2] ?? m[3]);
    if (isOwnListing(ctx.command ?? '')) this.out.ownListing = true;
  }

  line(text: string, n: number): void {
    if (text.trim() === '') return;
    if (isElision(text)) {
      this.out.elided = true;
      return;
    }
    // `ls -l` opens with its "total" line (in its locale's words): a listing pasted without it may be an excerpt.
    if (isLsTotal(text)) {
      this.out.hasHeader = true;
      return;
    }
    // tree's report closes its listing: the rows above are the folder's whole content.
    if (TREE_REPORT.test(text)) {
      this.out.hasHeader = true;
      return;
    }
    const heading = HEADING.exec(text) ?? TREE_ROOT.exec(text);
    if (heading) {
      this.pid = Number(heading[1]);
      this.holder = undefined;
      this.out.hasHeader = true;
      this.out.header ??= ref(this.ctx.file, n, text);
      return;
    }
    if (LS_NOTICE.test(text)) {
      const fd = NOTICE_FD.exec(text)?.[1];
      if (fd !== undefined) this.unreadable.add(fd);
      return;
    }
    // The fd was open when ls read the folder and closed before it read the link: no fd now.
    if (this.unreadable.has(ARROWLESS_ROW.exec(text)?.[1] ?? '')) return;
    const busybox = parseBusyboxRow(text);
    if (busybox) return this.busyboxRow(busybox, n, text);
    const dot = text.endsWith(' .') || text.endsWith(' ./') ? DOT_ROW.exec(text) : null;
    if (dot) {
      this.folderSize.set(this.pid ?? UNNAMED_PID, { size: Number(dot[1]), line: n });
      return;
    }
    const m = parseFdLink(text);
    if (m?.target === '') {
      // A link's row with no target after its fd (`lrwx------ 1 root root 64 May  8 23:02 4 ->`)
      // was cut as it was pasted, or lost its target on the way: ls prints every link's target, so
      // the listing goes on past it. The fd itself was open: counted, of a kind nobody can tell.
      this.out.truncated = true;
      this.ctx.warn(
        n,
        `an fd link's row stops before its target (the paste was cut inside it, or lost the target): fd ${m.fd} counted, its kind unknown: ${text.slice(0, 80)}`,
      );
    }
    if (!m) {
      // A link row cut before its fd's arrow (`lrwx------ 1 root root 64 May  8 23:02 4`): cut as pasted.
      if (/^l[-rwxsStT]{9}/.test(text)) {
        this.out.truncated = true;
        this.ctx.warn(n, `an fd link's row stops before its target: the paste was cut inside it: ${text.slice(0, 80)}`);
      } else if (!/^[d-]/.test(text)) this.ctx.warn(n, `not an fd link: ${text.slice(0, 80)}`); // `.` and `..` of ls -la are fine
      return;
    }
    this.out.rows++;
    if (m.eza) this.out.hasHeader = true;
    if (m.pid !== undefined && m.pid !== this.pid) {
      this.pid = m.pid;
      this.holder = undefined;
    }
    if (this.pid === undefined && !this.out.ownListing) this.noPidLine ??= n;
    const pid = this.pid ?? UNNAMED_PID;
    const h = (this.holder ??= this.table.find(pid) ?? this.table.add(pid, '', m.user, n, text));
    const mode = m.read && m.write ? 'u' : m.read ? 'r' : m.write ? 'w' : undefined;
    this.link(h, m.fd, m.target, mode, n, text);
  }

  /**
   * A listing of no pid whose one fd folder of /proc (`3 -> /proc/10073/fd`) is the folder its own
   * `ls` read: `ls -al /proc/self/fd` pasted without its command (typed in the prose, zed#59257).
   * No process keeps another's fd folder open, so that row names the listing as an ls's own.
   */
  private isUnnamedOwnListing(): boolean {
    if (this.out.ownListing) return true;
    const holders = this.table.holders();
    if (holders.length !== 1 || holders[0].pid !== UNNAMED_PID) return false;
    let folders = 0;
    for (const e of holders[0].entries) if (FD_FOLDER.test(e.name)) folders++;
    if (folders !== 1) return false;
    this.out.ownListing = true;
    return true;
  }

  /** A row of busybox's lsof: it names its process. */
  private busyboxRow(row: { pid: number; program: string; fd: string; target: string }, n: number, text: string): void {
    this.out.rows++;
    const h = this.table.find(row.pid) ?? this.table.add(row.pid, row.program, undefined, n, text);
    this.link(h, row.fd, row.target, undefined, n, text);
  }

  /** One fd of `h`, linked to `target` (`fd` '' when the row does not say its number): counted, and kept as an entry while its process has room. */
  private link(h: FdHolder, fd: string, target: string, mode: string | undefined, n: number, text: string): void {
    const kind = linkTargetKind(target);
    if (fd !== '') {
      const listed = this.order.get(h.pid) ?? [];
      if (listed.length === 0) this.order.set(h.pid, listed);
      if (listed.length <= TEXT_ORDER_ROWS) listed.push(Number(fd));
    }
    this.table.fd(h, kind, typeOf(target), fd === '' ? -1 : Number(fd), undefined, n, text);
    if (this.table.wantsEntry(h)) this.table.entry(h, fd, kind, typeOf(target), target, mode, undefined, n);
  }

  end(): FdTableArtifact {
    if (this.noPidLine !== undefined && !this.isUnnamedOwnListing()) {
      this.ctx.warn(
        this.noPidLine,
        'whose fds these are is not said (no pid in the command, a heading or the file name): read as the fds of an unnamed process',
      );
    }
    for (const h of this.table.holders()) {
      const folder = this.folderSize.get(h.pid);
      if (!folder || folder.size <= h.fds) continue;
      // Linux 6.2 and later give /proc/PID/fd the size of the fd table: more than the rows shown is
      // a listing cut short (an excerpt, a copy that stops), whatever else it looks like.
      this.out.truncated = true;
      this.ctx.warn(folder.line, `the fd folder holds ${folder.size} fds (its size, Linux 6.2+) and the listing shows ${h.fds}: it is cut`);
    }
    for (const h of this.table.holders()) {
      const fds = this.order.get(h.pid);
      if (!fds) continue;
      if (isTextOrderHead(fds)) {
        this.out.truncated = true;
        this.ctx.warn(
          undefined,
          `the fds of pid ${h.pid} are listed in text order (0, 1, 10, 100, ...) and the listing is exactly the first ${fds.length} names of 0-${maxOf(fds)} in that order: it is cut`,
        );
      } else if (isSparseTextOrderHead(fds)) {
        this.out.truncated = true;
        const last = fds[fds.length - 1];
        this.ctx.warn(
          undefined,
          `the fds of pid ${h.pid} are listed in text order (0, 1, 10, 100, ...) and stop at fd ${last}, with none of fds ${Number(String(last)[0]) + 1}-9 shown though fds up to ${maxOf(fds)} are open: it is cut`,
        );
      }
    }
    this.out.holders = this.table.holders();
    this.out.records = this.out.rows;
    if (this.out.rows === 0) this.ctx.warn(undefined, 'no fd links found');
    return this.out;
  }
}

const TEXT_ORDER_ROWS = 10_000;
/** The fewest rows of an exact text-order head: 0, 1, 10, 100 and two fds after them. */
const TEXT_ORDER_HEAD_ROWS = 6;

/**
 * `ls` sorts an fd folder's names as text: 0, 1, 10, 100, 1000, …, 1009, 101, 1010, … 2, 20, ….
 * A listing that is exactly the first names of 0-N in that order (N its highest fd, ≥ 100; six rows
 * or more: 0, 1, 10, 100 and two after them) and stops before the rest is the head of a longer
 * listing: a process whose open fds are all of 0, 1, 10, 100-1013 and none of 2-9 is no process, nor
 * is one of 0, 1, 10, 100-103 (VS Code's terminal bash, whose stderr on fd 2 is not shown: eight low
 * fds closed under five open higher ones). A listing with gaps is no such head.
 */
function isTextOrderHead(fds: readonly number[]): boolean {
  if (fds.length < TEXT_ORDER_HEAD_ROWS || fds.length > TEXT_ORDER_ROWS || fds[0] !== 0) return false;
  let max = 0;
  for (const fd of fds) max = Math.max(max, fd);
  if (max < 100) return false;
  for (let i = 1; i < fds.length; i++) if (fds[i] !== textSuccessor(fds[i - 1], max)) return false;
  return textSuccessor(fds[fds.length - 1], max) !== undefined;
}

/**
 * The head of `ls`'s text order of a table with gaps (`0, 1, 10, 11, 119, 12, 120, …, 163, 17, 18`):
 * ten rows or more from fd 0 in text order — shown to be text, not numeric, by a row below the one
 * before it — whose last row starts with a digit d of 1-5, none of the one-digit fds d+1 to 9 listed
 * while fds of 10 or more are. Those low fds would follow the last row; a process hands out its
 * lowest free fd first, so four or more of them all closed while higher ones stay open is no
 * process: the listing stops there.
 */
function isSparseTextOrderHead(fds: readonly number[]): boolean {
  if (fds.length < 10 || fds.length > TEXT_ORDER_ROWS || fds[0] !== 0) return false;
  let max = 0;
  let textOnly = false;
  for (let i = 1; i < fds.length; i++) {
    if (!(String(fds[i - 1]) < String(fds[i]))) return false;
    if (fds[i] < fds[i - 1]) textOnly = true;
    max = Math.max(max, fds[i]);
  }
  const lead = Number(String(fds[fds.length - 1])[0]);
  // Rows in text order that end in fds led by `lead` show none led by a higher digit: fds lead+1..9 are missing.
  return textOnly && max >= 10 && lead >= 1 && lead <= 5;
}

/** The number after `n` among 0-`max` sorted as text; undefined for the last. */
function textSuccessor(n: number, max: number): number | undefined {
  if (n === 0) return max >= 1 ? 1 : undefined;
  if (n * 10 <= max) return n * 10;
  let x = n;
  while (x % 10 === 9 || x + 1 > max) {
    x = Math.floor(x / 10);
    if (x === 0) return undefined;
  }
  return x + 1;
}

/** The link's own type word (socket, pipe, anon_inode) or, for a path, `path`. */
function typeOf(target: string): string {
  const m = /^([a-z_]+):/.exec(target);
  return m ? m[1] : target.startsWith('/') ? 'path' : 'other';
}
