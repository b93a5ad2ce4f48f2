// Each leak kind in words, once: what it is, a short label, and the fix in code. Rules, the
// summary and the report read them from here.
import { formatNumber } from './format.js';
import type { FdKind, LeakKind } from './result.js';

interface KindText {
  /** After a count: "64,214 sockets in no connection table (...)". */
  describe: string;
  /** A table cell or heading. */
  label: string;
  /** The label after a count of one: "1 inherited fd". */
  one: string;
  /** What to change in the program. */
  fix: string;
}

export const LEAK_KINDS: Record<LeakKind, KindText> = {
  'socket-unconnected': {
    describe: 'sockets in no connection table (lsof: "can\'t identify protocol" / "protocol: TCP")',
    label: 'sockets in no connection table',
    one: 'socket in no connection table',
    fix: 'Close the socket on every path where connecting fails or is abandoned: in Java a `try`/`finally` (or try-with-resources) around `SocketChannel.open()` and `connect()`, closing the channel in the `catch` before the retry; in C, `close(fd)` before returning the error. A retry loop that opens a fresh socket per attempt leaks one fd per failure otherwise.',
  },
  'socket-close-wait': {
    describe: 'sockets in CLOSE_WAIT (the peer closed, this process never did)',
    label: 'sockets in CLOSE_WAIT',
    one: 'socket in CLOSE_WAIT',
    fix: 'Close the socket when a read returns end-of-stream (-1 / 0 bytes): CLOSE_WAIT means the peer has closed and this process never did. Check HTTP clients whose responses are never read to the end or closed, and connection pools that evict connections without `close()`.',
  },
  'socket-udp': {
    describe: 'UDP sockets',
    label: 'UDP sockets',
    one: 'UDP socket',
    fix: 'Reuse one UDP socket per destination (or per worker) and close every socket opened per request or per query, also when the send or the read fails or times out.',
  },
  'socket-unix': {
    describe: 'unix-domain sockets',
    label: 'unix-domain sockets',
    one: 'unix-domain socket',
    fix: 'Close the client end of each unix-domain connection when the server goes away or the request ends (a read of 0 bytes, EPIPE); pool and reuse connections instead of opening one per call.',
  },
  file: {
    describe: 'files (regular files or devices)',
    label: 'files',
    one: 'regular file',
    fix: 'Close every file opened on each path, including error paths (`try`-with-resources, `with`, `defer`); open a file once and reuse the handle instead of opening it per request.',
  },
  'deleted-file': {
    describe: 'deleted files still held open',
    label: 'deleted files held open',
    one: 'deleted file held open',
    fix: 'Close files before deleting or rotating them; make the process reopen its logs on rotation (signal or `copytruncate` only as a last resort).',
  },
  pipe: {
    describe: 'pipes',
    label: 'pipes',
    one: 'pipe',
    fix: "Close both ends of every pipe, including in child processes (`O_CLOEXEC`/`pipe2`); read a child's output to the end (`communicate()`), close its streams and reap it (`wait`).",
  },
  'anon-inode': {
    describe: 'anonymous inodes (eventfd, epoll, inotify, timerfd, signalfd, pidfd, io_uring, perf events, BPF objects)',
    label: 'eventfd / epoll / inotify fds',
    one: 'eventfd / epoll / inotify fd',
    fix: 'Close the event loop, selector, watcher or timer a library creates for each use (`loop.close()`, `Selector.close()`, `inotify_rm_watch` + `close`), or create one and reuse it; likewise an io_uring ring (`io_uring_queue_exit`), a perf event, a BPF program or map, a pidfd made per request: close it when the request is done, or keep one.',
  },
  inherited: {
    describe: 'fds inherited across fork and execve (not close-on-exec)',
    label: 'inherited fds',
    one: 'inherited fd',
    fix: 'Create every fd close-on-exec, atomically (`O_CLOEXEC`, `SOCK_CLOEXEC`, `pipe2(O_CLOEXEC)`, `accept4(SOCK_CLOEXEC)`) instead of a later `fcntl(F_SETFD)`; spawn children with `posix_spawn` or close fds above 2 in the child before `execve` (`close_range`).',
  },
  other: {
    describe: 'fds of another kind (sockets of a type the listing does not show, devices ...)',
    label: 'fds of another kind',
    one: 'fd of another kind',
    fix: 'Find the code that creates the kind of fd that accumulates and close it on every path, including errors.',
  },
};

/** Each kind of fd a listing shows, in words (a table row, a chart's bar): never its id. */
export const FD_KIND_LABELS: Record<FdKind, string> = {
  'socket-unconnected': 'unconnected sockets',
  'socket-tcp': 'TCP sockets',
  'socket-udp': 'UDP sockets',
  'socket-unix': 'unix sockets',
  'socket-other': 'other sockets',
  file: 'regular files',
  'deleted-file': 'deleted files',
  pipe: 'pipes',
  anon: 'eventfd / epoll / inotify',
  device: 'devices',
  dir: 'folders',
  other: 'other fds',
};

/** A leak as the report words it: its kind, and what its fds are when the evidence says more (`inotify instances`). */
type Leak = { kind: LeakKind; count: number | null; what?: string; of?: number };

/** A leak's kind in a table cell: what its fds are, its label, or that the bundle does not show its kinds (kind other, no count). */
export function kindLabel(leak: Leak): string {
  if (leak.what) return leak.what;
  return leak.kind === 'other' && leak.count === null ? 'kinds not in the bundle' : LEAK_KINDS[leak.kind].label;
}

/** "64,214 sockets in no connection", "1 inherited fd", "128 inotify instances". */
export function countedKind(count: number, kind: LeakKind, what?: string): string {
  return `${formatNumber(count)} ${what ?? (count === 1 ? LEAK_KINDS[kind].one : LEAK_KINDS[kind].label)}`;
}

export function describeKind(kind: LeakKind): string {
  return LEAK_KINDS[kind].describe;
}

/**
 * What a process's fds are, as far as the leak goes: "N of them <kind>" — "of the M its listing
 * shows, N are <kind>" when N is of an excerpt —, or that their kinds are unknown.
 */
export function leakShare(leak: Leak): string {
  const what = leak.what ?? describeKind(leak.kind);
  if (leak.count !== null && leak.of !== undefined)
    return leak.count === leak.of
      ? `all ${formatNumber(leak.of)} its listing shows are ${what}`
      : `of the ${formatNumber(leak.of)} its listing shows, ${formatNumber(leak.count)} are ${what}`;
  if (leak.count !== null) return `${formatNumber(leak.count)} of them ${what}`;
  return leak.kind === 'other' ? 'of kinds the bundle does not show' : describeKind(leak.kind);
}
