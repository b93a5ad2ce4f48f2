// valgrind --track-fds=yes: the fds a program still holds when it exits, each with the call that
// made it (or `<inherited from parent>`), every line behind the `==PID==` prefix (with
// --time-stamp=yes, `==00:00:01:14.891 831==`; in a CI log, behind the time it stamps on each line):
//   ==94811== FILE DESCRIPTORS: 9 open at exit.
//   ==1667806== FILE DESCRIPTORS: 6 open (3 inherited) at exit.
//   ==254305== FILE DESCRIPTORS: 331 open (3 std) at exit.          (3.17 and later)
//   ==94811== Open file descriptor 8: ./tmp/1
//   ==94811==    at 0x2B3AFA: open$NOCANCEL (in /usr/lib/system/libsystem_kernel.dylib)
//   ==188204== Open file descriptor 2: /dev/pts/1
//   ==188204==    <inherited from parent>
//   ==2417== Open AF_INET socket 12: <unbound> <-> unbound
//   ==16638== Open AF_UNIX socket 5: <unknown>
//   ==1667806== Open pf-16 socket 7
// The rows are the process's fd table at exit, fd → what it names (as `ls -l /proc/PID/fd` is,
// with no TYPE column): read into the same fd table, as valgrind's (tool `valgrind`). The count line says
// how many fds the table held: a listing of fewer rows was cut (a paste that stops, or
// --exit-on-first-error), and is marked so. The program's own output between valgrind's lines is
// not valgrind's and is skipped.
// A row with no name (a pipe's, an eventfd's: valgrind names files and sockets only) takes its kind
// from the call its stack starts at, `at 0x4953B09: pipe (pipe.c:29)`: see callKind.
// Each fd not `<inherited from parent>` is one the program made and never closed in its whole run;
// those made by the same call path (the functions of its stack) are grouped: one code path that
// made several fds and closed none of them (`unclosed`).
import type { FdHolder, FdKind, FdTableArtifact, UnclosedAtExit, ValgrindFdsArtifact } from './artifacts.js';
import type { EvidenceRef } from '../types.js';
import type { SourceParser } from './parser.js';
import { linkTargetKind } from './fd-kind.js';
import { FdHolderTable, emptyFdTable } from './fd-holders.js';
import { ref } from '../types.js';
import { VALGRIND_PREFIX } from './valgrind-prefix.js';
import { fdMadeBy } from './strace/calls.js';

const COUNT = /^ ?FILE DESCRIPTORS: (\d{1,10}) open(?: \((\d{1,10}) (?:inherited|std)\))? at exit\.?$/;
const OPEN_FILE = /^ ?Open file descriptor (\d{1,10}):(?: (.*))?$/;
/** `Open AF_INET socket 12: <unbound> <-> unbound`, `Open AF_UNIX socket 5: <unknown>`, `Open pf-16 socket 7`, FreeBSD's `Open socket 7`. */
const OPEN_SOCKET = /^ ?Open (?:(AF_[A-Z0-9]{1,10}|pf-\d{1,3}) )?socket (\d{1,10})(?:: (.*))?$/;
const COMMAND = /^ ?Command: (\S{1,4096})/;
/** A frame of the stack under a row: `   at 0x534B620: __open_nocancel (syscall-template.S:81)`, `   by 0x5E39FB1: ???`. */
const FRAME = /^ {2,}(?:at|by) 0x[0-9A-Fa-f]{1,16}: (\S{1,512})/;
const INHERITED = /^ {2,}<inherited from parent>/;
/** Frames of a stack that name its call path; call paths kept per report. */
const PATH_FRAMES = 12;
const MAX_PATHS = 1000;

/** One row of valgrind's fd report: the fd, what it names, and its kind. */
export interface ValgrindFdRow {
  fd: number;
  name: string;
  kind: FdKind;
  type: string;
}

/** The fd row a line of valgrind's report (its `==PID==` prefix removed) is, or undefined. */
export function valgrindFdRow(rest: string): ValgrindFdRow | undefined {
  const file = OPEN_FILE.exec(rest);
  if (file) {
    const name = (file[2] ?? '').trim();
    return { fd: Number(file[1]), name, kind: nameKind(name), type: name.startsWith('/') || name.startsWith('.') ? 'path' : 'other' };
  }
  const socket = OPEN_SOCKET.exec(rest);
  if (!socket) return undefined;
  const family = socket[1] ?? '';
  return {
    fd: Number(socket[2]),
    name: `${family || 'socket'}${socket[3] ? ` ${socket[3].trim()}` : ''}`,
    kind: family === 'AF_UNIX' ? 'socket-unix' : 'socket-other',
    type: 'socket',
  };
}

/**
 * What an opened name is: valgrind prints the path as the program passed it to open(), so a
 * relative one (`./tmp/biz`) is a file as much as an absolute one, and `.` or `..` is a folder
 * (`openat(dirfd, ".", O_DIRECTORY)`, how a folder's fd is reopened: systemd's `fd_reopen`).
 */
function nameKind(name: string): FdKind {
  if (name === '') return 'other';
  if (name === '.' || name === '..') return 'dir';
  const kind = linkTargetKind(name);
  if (kind !== 'other') return kind;
  return name.includes('/') && !/\s/.test(name) ? 'file' : 'other';
}

/**
 * The kind of fd the call a stack starts at makes, for a row valgrind names nothing, as
 * strace/calls.ts's `fdMadeBy` says: `pipe`, `pipe2` (glibc's `__pipe`, macOS's `pipe$NOCANCEL`, a
 * versioned `pipe@@GLIBC_2.2.5`) a pipe's end; `eventfd`, `epoll_create1`, `inotify_init1`,
 * `timerfd_create`, `signalfd` … an anonymous inode.
 */
export function callKind(frame: string): FdKind | undefined {
  const call = /^_{0,2}([a-z_]{1,20}?\d?)(?:[$@][\w.@$]{0,40})?$/.exec(frame)?.[1];
  const made = call === undefined ? undefined : fdMadeBy(call);
  if (made === 'pipe') return 'pipe';
  if (made === 'anon-inode') return 'anon';
  return undefined;
}

/** valgrind's count line: `FILE DESCRIPTORS: 9 open at exit.`, with `(3 std)` since 3.17 or `(3 inherited)`. */
export function valgrindFdCount(rest: string): number | undefined {
  const m = COUNT.exec(rest);
  return m ? Number(m[1]) : undefined;
}

export const valgrindFds: SourceParser<ValgrindFdsArtifact> = {
  id: 'valgrind-fds',
  title: 'The fds a program held at exit (valgrind --track-fds=yes)',
  detect({ head }) {
    let rows = 0;
    for (const line of head) {
      const m = VALGRIND_PREFIX.exec(line);
      if (!m) continue;
      if (valgrindFdCount(m[2]) !== undefined) return 0.97;
      if (valgrindFdRow(m[2])) rows++;
    }
    return rows > 0 ? 0.9 : 0;
  },
  sink(ctx) {
    const table = new FdHolderTable(ctx.file);
    const out: FdTableArtifact = emptyFdTable('valgrind');
    const counts = new Map<number, { value: number; line: number }>();
    const commands = new Map<number, string>();
    const paths = new Map<string, UnclosedAtExit & { kinds: Map<FdKind, number> }>();
    /** The row whose stack is being read. */
    let open:
      | (ValgrindFdRow & { pid: number; h: FdHolder; n: number; text: string; ev: EvidenceRef; frames: string[]; inherited: boolean })
      | undefined;
    const close = () => {
      if (!open) return;
      const row = open;
      open = undefined;
      if (row.kind === 'other' && row.frames.length > 0) row.kind = callKind(row.frames[0]) ?? 'other';
      table.fd(row.h, row.kind, row.type, row.fd, undefined, row.n, row.text);
      if (table.wantsEntry(row.h)) table.entry(row.h, String(row.fd), row.kind, row.type, row.name, undefined, undefined, row.n);
      if (row.inherited || row.frames.length === 0) return;
      const path = row.frames.join(' < ');
      const key = `${row.pid} ${path}`;
      let g = paths.get(key);
      if (!g) {
        if (paths.size >= MAX_PATHS) return;
        g = { pid: row.pid, path, count: 0, kind: row.kind, evidence: [], kinds: new Map() };
        paths.set(key, g);
      }
      g.count++;
      g.kinds.set(row.kind, (g.kinds.get(row.kind) ?? 0) + 1);
      if (g.evidence.length < 3) g.evidence.push(row.ev);
    };
    return {
      line(text, n) {
        const m = VALGRIND_PREFIX.exec(text);
        if (!m) return;
        const pid = Number(m[1]);
        const rest = m[2];
        if (open && pid === open.pid) {
          const frame = FRAME.exec(rest);
          if (frame) {
            if (open.frames.length < PATH_FRAMES) open.frames.push(frame[1]);
            return;
          }
          if (INHERITED.test(rest)) {
            open.inherited = true;
            return;
          }
        }
        close();
        const command = COMMAND.exec(rest);
        if (command) commands.set(pid, command[1].slice(command[1].lastIndexOf('/') + 1));
        const count = valgrindFdCount(rest);
        if (count !== undefined) {
          counts.set(pid, { value: count, line: n });
          out.hasHeader = true;
          out.header ??= ref(ctx.file, n, text);
          return;
        }
        const row = valgrindFdRow(rest);
        if (!row) return;
        out.rows++;
        const h = table.find(pid) ?? table.add(pid, commands.get(pid) ?? '', undefined, n, text);
        open = { ...row, pid, h, n, text, ev: ref(ctx.file, n, text), frames: [], inherited: false };
      },
      end() {
        close();
        for (const h of table.holders()) {
          if (!h.command && commands.has(h.pid)) h.command = commands.get(h.pid) ?? '';
          const count = counts.get(h.pid);
          if (!count) {
            // Rows without their count line: the report's head was not pasted.
            out.truncated = true;
            continue;
          }
          if (count.value > h.fds) {
            out.truncated = true;
            ctx.warn(
              count.line,
              `valgrind counts ${count.value} fds open at exit for pid ${h.pid} and the report shows ${h.fds}: it is cut`,
            );
          }
        }
        out.holders = table.holders();
        out.records = out.rows;
        if (out.rows === 0) ctx.warn(undefined, 'no fd rows of valgrind found');
        const unclosed = [...paths.values()].map(({ kinds, ...g }) => ({ ...g, kind: mostOf(kinds) ?? g.kind }));
        return { ...out, unclosed };
      },
    };
  },
};

function mostOf(kinds: Map<FdKind, number>): FdKind | undefined {
  let best: [FdKind, number] | undefined;
  for (const e of kinds) if (!best || e[1] > best[1]) best = e;
  return best?.[0];
}
