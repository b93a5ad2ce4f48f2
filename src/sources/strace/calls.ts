// The call table: the one place that says what each system call means for fds. The sink
// (sink.ts) keeps what an entry reports; the pre-filter (prefilter.ts) skips the lines of calls that
// are not here, and of calls here whose line holds none of their `onlyWith` words, and counts the
// writes of an fd past its samples. Changing what a call means is its entry here, and a test.
//
// Left out: bpf (an fd only for some of its commands, always close-on-exec, and kept by the
// kernel objects it loads rather than by the service's own work); recvmsg with SCM_RIGHTS (the fds
// received are inside the message, which strace prints only in part); CLOSE_RANGE_UNSHARE (the
// calling task gets a table of its own first).
import { decodeCString, formatSockaddr, readFd, readFdPair, readQuoted, readUint, splitArgs } from './syntax.js';
import type { Result } from './line.js';
import { tcpPeer } from './eof-kept.js';

export interface Call {
  tid: number;
  time: number | null;
  line: number;
  /** The line (the resumption's, for a call that was unfinished). */
  text: string;
  name: string;
  args: string;
  result: Result;
}

/** What an entry reports to the sink (FdEvent in types.ts says what each event holds). */
export interface FdEffects {
  /**
   * A new fd: `path` is its -y annotation or the path it opened ('' when unknown). `replaced`: dup2/dup3
   * put it in place of what the fd held (closed first, that detail): the table neither grows nor shrinks,
   * so the thread's creates and closes count neither.
   */
  create(c: Call, fd: number, detail: string, cloexec: boolean, path: string, replaced?: string): void;
  close(c: Call, fd: number, detail: string): void;
  closeRange(c: Call, lo: number, hi: number, detail: string): void;
  /** FD_CLOEXEC set (`on`) or cleared on fd..hi (hi undefined: fd alone). */
  cloexec(c: Call, fd: number, hi: number | undefined, on: boolean, detail: string): void;
  /** A connect's outcome: `result` as the leak signature shows it, `failed`: refused, timed out... */
  connect(c: Call, fd: number, detail: string, result: string, failed: boolean): void;
  exec(c: Call, path: string): void;
  /** A write of the string `raw` (still escaped; `truncated`: cut by -s), `bytes` long. */
  write(c: Call, fd: number, note: string | undefined, raw: string, truncated: boolean, bytes: number): void;
  /** The call could not make an fd: the process (EMFILE) or the system (ENFILE) is at its limit. */
  fdLimit(c: Call, errno: string): void;
  /** A read of a TCP connection returned 0: the peer closed its end (`peer`: its address, from -yy). */
  eof(c: Call, fd: number, peer: string): void;
}

/** What a task-making call shares with its child: a thread (CLONE_THREAD) or a task with the same fd table (CLONE_FILES); else the child gets a copy. */
interface ForkKind {
  thread: boolean;
  shareFiles: boolean;
  /** How the fork event names the call. */
  detail: string;
}

/** A call's meaning. The sink reads no entry whose result strace could not have printed (Result.invalid). */
export interface CallMeaning {
  /** What the complete call (an unfinished one once resumed) does. */
  read?(c: Call, fx: FdEffects): void;
  /** A task-making call: what its arguments say the child shares. The sink makes the fork event. */
  fork?(args: string): ForkKind;
  /** The call can matter only when its line holds one of these words. */
  onlyWith?: readonly string[];
  /** A write: its (thread, fd) keeps the first samples, later ones are counted. */
  write?: true;
  /** Its lines are no records of the capture, even those read (a read's end of stream): counted as a call the table does not list. */
  quiet?: true;
}

export const FD_LIMIT_ERRNOS: readonly string[] = ['EMFILE', 'ENFILE'];

/** The fd a creating call returned, or -1 (a failure at the fd limit is reported). */
function newFd(c: Call, fx: FdEffects): number {
  const { value, errno } = c.result;
  if (value === -1 && errno !== undefined && FD_LIMIT_ERRNOS.includes(errno)) fx.fdLimit(c, errno);
  return value === undefined ? -1 : value;
}

const has = (arg: string | undefined, flag: string): boolean => arg?.includes(flag) === true;

/** A socket type without its open flags: `SOCK_STREAM|SOCK_CLOEXEC` → `SOCK_STREAM`. */
function socketType(type: string): string {
  return (
    type
      .split('|')
      .filter((f) => f !== 'SOCK_CLOEXEC' && f !== 'SOCK_NONBLOCK' && f !== 'O_NONBLOCK')
      .join('|') || '0'
  );
}

/** A call whose result is a new fd: `detail` names it, `cloexec` says whether it is close-on-exec from birth. */
function creates(detail: (c: Call, a: string[]) => string, cloexec: (c: Call, a: string[]) => boolean): CallMeaning {
  return {
    read(c, fx) {
      const fd = newFd(c, fx);
      if (fd < 0) return;
      const a = splitArgs(c.args);
      fx.create(c, fd, detail(c, a), cloexec(c, a), c.result.note ?? '');
    },
  };
}

/** A creating call with no arguments worth naming, close-on-exec when its flags say `*CLOEXEC`. */
const plainCreate = creates(
  (c) => `${c.name}()`,
  (c) => c.args.includes('CLOEXEC'),
);
/** A creating call whose fd is always close-on-exec. */
const cloexecCreate = creates(
  (c) => `${c.name}()`,
  () => true,
);

const openCall: CallMeaning = {
  read(c, fx) {
    const fd = newFd(c, fx);
    if (fd < 0) return;
    const q = c.args.indexOf('"');
    const quoted = q === -1 ? null : readQuoted(c.args, q);
    const path = quoted ? decodeCString(quoted.raw) : '?';
    fx.create(c, fd, `${c.name}("${path}")`, has(c.args.slice(quoted ? quoted.end : 0), 'O_CLOEXEC'), c.result.note ?? path);
  },
};

/** pipe, pipe2, socketpair: two fds in `[R, W]`, each with its own lifetime. */
function pairCall(flagsArg: number | undefined, detail: (c: Call, a: string[]) => string): CallMeaning {
  return {
    read(c, fx) {
      if (c.result.value !== 0) {
        newFd(c, fx);
        return;
      }
      const pair = readFdPair(c.args);
      if (!pair) return;
      const a = splitArgs(c.args);
      const cloexec = flagsArg !== undefined && has(a[flagsArg], 'CLOEXEC');
      fx.create(c, pair[0], detail(c, a), cloexec, pair[2] ?? '');
      fx.create(c, pair[1], detail(c, a), cloexec, pair[2] ?? '');
    },
  };
}

const dupCall: CallMeaning = {
  read(c, fx) {
    const fd = newFd(c, fx);
    if (fd < 0) return;
    const old = readFd(c.args, 0);
    const a = splitArgs(c.args);
    // dup2/dup3 close what the target fd held, if it was open and another fd, and put the copy in its place.
    const target = c.name === 'dup' ? undefined : readFd(a[1] ?? '', 0);
    const replaced = target && target.fd !== old?.fd ? `${c.name} over fd ${target.fd}` : undefined;
    const cloexec = c.name === 'dup3' && has(a[2], 'O_CLOEXEC');
    fx.create(c, fd, `${c.name}(${old?.fd ?? '?'})`, cloexec, c.result.note ?? old?.note ?? '', replaced);
  },
};

const fcntlCall: CallMeaning = {
  onlyWith: ['F_SETFD', 'F_DUPFD'],
  read(c, fx) {
    const a = splitArgs(c.args);
    const fd = readFd(a[0] ?? '', 0);
    if (!fd) return;
    const cmd = a[1] ?? '';
    if (cmd === 'F_SETFD') {
      if (c.result.value !== 0) return;
      fx.cloexec(c, fd.fd, undefined, has(a[2], 'FD_CLOEXEC') || a[2] === '1', `fcntl(F_SETFD, ${a[2]})`);
    } else if (cmd === 'F_DUPFD' || cmd === 'F_DUPFD_CLOEXEC') {
      const dup = newFd(c, fx);
      if (dup >= 0) fx.create(c, dup, `fcntl(${fd.fd}, ${cmd})`, cmd === 'F_DUPFD_CLOEXEC', c.result.note ?? fd.note ?? '');
    }
  },
};

const closeCall: CallMeaning = {
  read(c, fx) {
    const fd = readFd(c.args, 0);
    // Linux frees the fd even when close is interrupted.
    if (fd && (c.result.value === 0 || c.result.errno === 'EINTR')) fx.close(c, fd.fd, 'close()');
  },
};

/** close_range(FIRST, LAST, FLAGS); LAST is often ~0U: fds past 2^20 are not looked at. */
const closeRangeCall: CallMeaning = {
  read(c, fx) {
    const a = splitArgs(c.args);
    const [lo] = readUint(a[0] ?? '', 0);
    const [last] = a[1]?.startsWith('~0') ? [2 ** 32 - 1] : readUint(a[1] ?? '', 0);
    if (lo < 0 || last < 0 || c.result.value !== 0) return;
    const hi = Math.min(last, 1 << 20);
    const detail = `close_range(${a[2] ?? '0'})`;
    if (has(a[2], 'CLOSE_RANGE_CLOEXEC')) fx.cloexec(c, lo, hi, true, detail);
    else fx.closeRange(c, lo, hi, detail);
  },
};

const SO_ERROR = /SO_ERROR, \[([A-Z0-9]+)\]/;

const connectCall: CallMeaning = {
  read(c, fx) {
    const fd = readFd(c.args, 0);
    if (!fd) return;
    const { value, errno } = c.result;
    const result = value === -1 ? `-1 ${errno}` : value === undefined ? `?${errno ? ` ${errno}` : ''}` : String(value);
    const failed = value === -1 && errno !== 'EINPROGRESS' && errno !== 'EINTR';
    fx.connect(c, fd.fd, `connect(${formatSockaddr(splitArgs(c.args)[1] ?? '')}) = ${result}`, result, failed);
  },
};

/** getsockopt(SO_ERROR) after a non-blocking connect: its outcome. */
const soErrorCall: CallMeaning = {
  onlyWith: ['SO_ERROR'],
  read(c, fx) {
    const fd = readFd(c.args, 0);
    const m = fd ? SO_ERROR.exec(c.args) : null;
    if (!fd || !m) return;
    const err = m[1] === '0' ? 'OK' : m[1];
    fx.connect(c, fd.fd, `SO_ERROR ${err}`, err, err !== 'OK');
  },
};

/**
 * read(FD<TCP:[…->PEER]>, "", N) = 0 (recv, recvfrom likewise): the end of a TCP stream, the
 * peer closed. Only strace -yy names the protocol; a read of 0 bytes asked for is no end.
 */
const eofCall: CallMeaning = {
  onlyWith: ['TCP'],
  quiet: true,
  read(c, fx) {
    if (c.result.value !== 0) return;
    const fd = readFd(c.args, 0);
    const peer = fd?.note ? tcpPeer(fd.note) : null;
    // The arguments after the fd (its annotation may hold `->`): the buffer, then the size asked for.
    const rest = fd && peer ? splitArgs(c.args.slice(fd.end).replace(/^\s*,/, '')) : [];
    if (fd && peer && rest[1]?.trim() !== '0') fx.eof(c, fd.fd, peer);
  },
};

/** ioctl(fd, FIOCLEX) / FIONCLEX set and clear FD_CLOEXEC. */
const ioctlCall: CallMeaning = {
  onlyWith: ['FIOCLEX', 'FIONCLEX'],
  read(c, fx) {
    const a = splitArgs(c.args);
    const fd = readFd(a[0] ?? '', 0);
    if (fd && c.result.value === 0 && (a[1] === 'FIOCLEX' || a[1] === 'FIONCLEX'))
      fx.cloexec(c, fd.fd, undefined, a[1] === 'FIOCLEX', `ioctl(${a[1]})`);
  },
};

const execCall: CallMeaning = {
  read(c, fx) {
    if (c.result.value !== 0) return;
    const q = c.args.indexOf('"');
    const quoted = q === -1 ? null : readQuoted(c.args, q);
    fx.exec(c, quoted ? decodeCString(quoted.raw) : '?');
  },
};

/** A write's fd and the first string after it (what was written; still escaped); null: no fd, or no whole string. */
export function writtenString(args: string): { fd: number; note?: string; raw: string; truncated: boolean } | null {
  const fd = readFd(args, 0);
  const q = fd ? args.indexOf('"', fd.end) : -1;
  const quoted = q === -1 ? null : readQuoted(args, q);
  return fd && quoted ? { fd: fd.fd, note: fd.note, raw: quoted.raw, truncated: quoted.truncated } : null;
}

/** write(FD, "TEXT", N) and the like. */
const writeCall: CallMeaning = {
  write: true,
  read(c, fx) {
    const w = writtenString(c.args);
    const bytes = c.result.value !== undefined && c.result.value >= 0 ? c.result.value : 0;
    if (w) fx.write(c, w.fd, w.note, w.raw, w.truncated, bytes);
  },
};

const CLONE_FLAGS = /flags=([^,]*)/;

/** clone/clone3: the flags decide what the child shares. */
function cloneKind(name: string): (args: string) => ForkKind {
  return (args) => {
    const flags = CLONE_FLAGS.exec(args)?.[1] ?? '';
    const thread = flags.includes('CLONE_THREAD');
    const shareFiles = flags.includes('CLONE_FILES');
    const vfork = flags.includes('CLONE_VFORK') ? ', vfork' : '';
    return { thread, shareFiles, detail: `${name}(${thread ? 'thread' : shareFiles ? 'CLONE_FILES' : 'process'}${vfork})` };
  };
}
const processOf = (name: string): CallMeaning => ({ fork: () => ({ thread: false, shareFiles: false, detail: `${name}()` }) });

const socketCall = creates(
  (_c, a) => `socket(${a[0]}, ${socketType(a[1] ?? '?')})`,
  (_c, a) => has(a[1], 'SOCK_CLOEXEC'),
);
const acceptCall = creates(
  (c) => {
    const lfd = readFd(c.args, 0);
    return `${c.name}(${lfd?.note ?? lfd?.fd ?? '?'})`;
  },
  (c, a) => c.name === 'accept4' && has(a[3], 'SOCK_CLOEXEC'),
);

/**
 * What the fd a creating call returns is, by the call alone — the one list the analysis reads
 * (which fds a thread's writes can be a log line on, which leak kind a creation pattern is):
 * - `path`: a file opened by its path (a message queue's too: `mq_open` opens `/orders` on the
 *   mqueue filesystem, which `/proc/PID/fd` links to that name) — what a thread writes there may be
 *   a log line;
 * - `memfd`: a file of no path (`/memfd:NAME (deleted)` in a listing, a file as lsof's `REG` row
 *   is) — what goes there is data, never a log;
 * - `pipe`, `socket` (its kind is in its arguments), `accepted` (a server's connection);
 * - `anon-inode`: an anonymous inode — eventfd, epoll, inotify, fanotify, timerfd, signalfd,
 *   pidfd, userfaultfd, an io_uring instance (`anon_inode:[io_uring]`), a perf event
 *   (`anon_inode:[perf_event]`).
 * A call that copies an fd (dup, fcntl F_DUPFD, pidfd_getfd) or opens an unknown one
 * (open_by_handle_at) makes none of these: its fd is what the copied one is.
 */
export type MadeFd = 'path' | 'memfd' | 'pipe' | 'socket' | 'accepted' | 'anon-inode';

/** The calls that make an anonymous inode, each with what one of its fds is, in words. */
const ANON_INODES: ReadonlyMap<string, string> = new Map([
  ['eventfd', 'eventfds'],
  ['eventfd2', 'eventfds'],
  ['epoll_create', 'epoll instances'],
  ['epoll_create1', 'epoll instances'],
  ['inotify_init', 'inotify instances'],
  ['inotify_init1', 'inotify instances'],
  ['fanotify_init', 'fanotify groups'],
  ['timerfd_create', 'timerfds'],
  ['signalfd', 'signalfds'],
  ['signalfd4', 'signalfds'],
  ['pidfd_open', 'pidfds'],
  ['userfaultfd', 'userfaultfds'],
  ['io_uring_setup', 'io_uring instances'],
  ['perf_event_open', 'perf events'],
]);

const MADE_FDS: ReadonlyMap<string, MadeFd> = new Map<string, MadeFd>([
  ...(['open', 'openat', 'openat2', 'creat', 'mq_open'] as const).map((n) => [n, 'path'] as const),
  ['memfd_create', 'memfd'],
  ['pipe', 'pipe'],
  ['pipe2', 'pipe'],
  ['socket', 'socket'],
  ['socketpair', 'socket'],
  ['accept', 'accepted'],
  ['accept4', 'accepted'],
  ...[...ANON_INODES.keys()].map((n) => [n, 'anon-inode'] as const),
]);

/** What an anonymous inode `call` makes is, in words (`io_uring_setup`: io_uring instances); undefined for any other call. */
export function anonInodeMadeBy(call: string): string | undefined {
  return ANON_INODES.get(call);
}

/** What the fd `call` (a call's name: `io_uring_setup`) makes is, or undefined for a call that makes none of its own. */
export function fdMadeBy(call: string): MadeFd | undefined {
  return MADE_FDS.get(call);
}

/** The calls `fdMadeBy` knows: each is also an entry of CALLS (a test holds them together). */
export const MADE_FD_CALLS: readonly string[] = [...MADE_FDS.keys()];

export const CALLS: ReadonlyMap<string, CallMeaning> = new Map<string, CallMeaning>([
  ['socket', socketCall],
  ['socketpair', pairCall(1, (_c, a) => `socketpair(${a[0]}, ${socketType(a[1] ?? '?')})`)],
  ['accept', acceptCall],
  ['accept4', acceptCall],
  ['open', openCall],
  ['openat', openCall],
  ['openat2', openCall],
  ['creat', openCall],
  ['mq_open', openCall],
  // open_by_handle_at(MOUNT_FD, HANDLE, FLAGS): no path, and strace 6 shows no -y on its result.
  [
    'open_by_handle_at',
    creates(
      (c) => `${c.name}()`,
      (_c, a) => has(a[2], 'O_CLOEXEC'),
    ),
  ],
  ['pipe', pairCall(undefined, (c) => `${c.name}()`)],
  ['pipe2', pairCall(1, (c) => `${c.name}()`)],
  ['dup', dupCall],
  ['dup2', dupCall],
  ['dup3', dupCall],
  ['fcntl', fcntlCall],
  ['fcntl64', fcntlCall],
  ['eventfd', plainCreate],
  ['eventfd2', plainCreate],
  ['epoll_create', plainCreate],
  ['epoll_create1', plainCreate],
  ['inotify_init', plainCreate],
  ['inotify_init1', plainCreate],
  ['timerfd_create', plainCreate],
  ['signalfd', plainCreate],
  ['signalfd4', plainCreate],
  ['memfd_create', plainCreate],
  ['fanotify_init', plainCreate],
  ['perf_event_open', plainCreate],
  ['userfaultfd', plainCreate],
  // The kernel makes these close-on-exec whatever the flags; pidfd_getfd copies another process's fd.
  ['pidfd_open', cloexecCreate],
  ['pidfd_getfd', cloexecCreate],
  ['io_uring_setup', cloexecCreate],
  ['close', closeCall],
  ['close_range', closeRangeCall],
  ['ioctl', ioctlCall],
  ['connect', connectCall],
  ['getsockopt', soErrorCall],
  ['execve', execCall],
  ['execveat', execCall],
  ['clone', { fork: cloneKind('clone') }],
  ['clone3', { fork: cloneKind('clone3') }],
  ['fork', processOf('fork')],
  ['vfork', processOf('vfork')],
  ['read', eofCall],
  ['recv', eofCall],
  ['recvfrom', eofCall],
  ['write', writeCall],
  ['writev', writeCall],
  ['pwrite64', writeCall],
  ['pwritev', writeCall],
  ['send', writeCall],
  ['sendto', writeCall],
  ['sendmsg', writeCall],
]);
