// The call table alone: each entry read on a line strace printed (test/fixtures/strace/fd-calls,
// captured by test/fixtures/programs/fd-calls), with what it reports to the sink.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureLines } from '../helpers.js';
import { CALLS, type FdEffects } from '../../src/sources/strace/calls.js';
import { parseLine } from '../../src/sources/strace/line.js';

const CAPTURE = fixtureLines('strace', 'fd-calls', 'f-tt-T-y.strace');
const RACE = fixtureLines('strace', 'c-cloexec-race', 'race-f-tt-T-y.strace');

/** The captured line that matches. */
function captured(pattern: RegExp, lines = CAPTURE): string {
  const l = lines.find((x) => pattern.test(x));
  assert.ok(l, `a captured line matching ${pattern}`);
  return l;
}

/** What the table's entry for the line's call reports, one string per effect. */
function effects(text: string): string[] {
  const l = parseLine(text);
  assert.ok(l.kind === 'call' && l.result, `a complete call: ${text}`);
  const meaning = CALLS.get(l.name);
  assert.ok(meaning?.read, `${l.name} is read by the table`);
  const out: string[] = [];
  const fx: FdEffects = {
    create: (_c, fd, detail, cloexec, path, replaced) => {
      if (replaced !== undefined) out.push(`close ${fd} ${replaced}`);
      out.push(`create ${fd} ${detail}${cloexec ? ' cloexec' : ''}${path ? ` ${path}` : ''}`);
    },
    close: (_c, fd, detail) => out.push(`close ${fd} ${detail}`),
    closeRange: (_c, lo, hi, detail) => out.push(`close-range ${lo}-${hi} ${detail}`),
    cloexec: (_c, fd, hi, on, detail) => out.push(`cloexec ${fd}${hi === undefined ? '' : `-${hi}`} ${on ? 'on' : 'off'} ${detail}`),
    connect: (_c, fd, detail, result, failed) => out.push(`connect ${fd} ${detail} [${result}]${failed ? ' failed' : ''}`),
    exec: (_c, path) => out.push(`exec ${path}`),
    write: (_c, fd, note, raw, truncated, bytes) =>
      out.push(`write ${fd}${note ? ` ${note}` : ''} "${raw}"${truncated ? '...' : ''} ${bytes}`),
    fdLimit: (_c, errno) => out.push(`fd-limit ${errno}`),
    eof: (_c, fd, peer) => out.push(`eof ${fd} ${peer}`),
  };
  meaning.read({ tid: l.head.tid ?? 0, time: null, line: 1, text, name: l.name, args: l.args, result: l.result }, fx);
  return out;
}

test('sockets: socket, accept without flags, accept4; the type is shown without its open flags', () => {
  assert.deepEqual(effects(captured(/ socket\(AF_INET, SOCK_STREAM, IPPROTO_IP\) = 3/)), [
    'create 3 socket(AF_INET, SOCK_STREAM) socket:[712208]',
  ]);
  assert.deepEqual(effects(captured(/SOCK_CLOEXEC\|SOCK_NONBLOCK, IPPROTO_IP\) = 5/)), [
    'create 5 socket(AF_INET, SOCK_STREAM) cloexec socket:[712211]',
  ]);
  assert.deepEqual(effects(captured(/ accept\(/)), ['create 6 accept(socket:[712208]) socket:[712213]']);
  assert.deepEqual(effects(captured(/ accept4\(/)), ['create 7 accept4(socket:[712208]) cloexec socket:[712215]']);
  assert.deepEqual(effects(captured(/ socketpair\(/)), [
    'create 36 socketpair(AF_UNIX, SOCK_STREAM) socket:[711348]',
    'create 37 socketpair(AF_UNIX, SOCK_STREAM) socket:[711348]',
  ]);
});

test('pidfd_open and pidfd_getfd: close-on-exec whatever the flags', () => {
  assert.deepEqual(effects(captured(/ pidfd_open\(/)), ['create 11 pidfd_open() cloexec anon_inode:[pidfd]']);
  assert.deepEqual(effects(captured(/ pidfd_getfd\(/)), ['create 12 pidfd_getfd() cloexec socket:[712213]']);
});

test('fanotify_init, perf_event_open, userfaultfd, io_uring_setup, open_by_handle_at', () => {
  assert.deepEqual(effects(captured(/ fanotify_init\(/)), ['create 13 fanotify_init() cloexec anon_inode:[fanotify]']);
  assert.deepEqual(effects(captured(/ perf_event_open\(/)), ['create 14 perf_event_open() cloexec anon_inode:[perf_event]']);
  assert.deepEqual(effects(captured(/ userfaultfd\(/)), ['create 15 userfaultfd() cloexec anon_inode:[userfaultfd]']);
  assert.deepEqual(effects(captured(/ io_uring_setup\(/)), ['create 16 io_uring_setup() cloexec anon_inode:[io_uring]']);
  assert.deepEqual(effects(captured(/ open_by_handle_at\(/)), ['create 17 open_by_handle_at() cloexec']);
});

test('files: openat and creat name their path; O_CLOEXEC after the path', () => {
  assert.deepEqual(effects(captured(/ openat\(.*fd-calls.log/)), [
    'create 18 openat("/tmp/fd-calls.l0RDbl/fd-calls.log") /tmp/fd-calls.l0RDbl/fd-calls.log',
  ]);
  assert.deepEqual(effects(captured(/ creat\(/)), [
    'create 19 creat("/tmp/fd-calls.l0RDbl/fd-calls.log") /tmp/fd-calls.l0RDbl/fd-calls.log',
  ]);
  assert.deepEqual(effects(captured(/ openat\(.*hostname", O_RDONLY\|O_CLOEXEC/)), [
    'create 20 openat("/etc/hostname") cloexec /etc/hostname',
  ]);
});

test('mq_open: a POSIX message queue is an fd, named by its queue', () => {
  // Captured with strace -f -tt -T -y from mq_open("/fdleak-test", O_RDWR | O_CREAT | O_CLOEXEC, 0600, &attr).
  const line =
    '12427 03:29:07.498461 mq_open("fdleak-test", O_RDWR|O_CREAT|O_CLOEXEC, 0600, {mq_flags=0, mq_maxmsg=4, mq_msgsize=64, mq_curmsgs=0}) = 3</fdleak-test> <0.000074>';
  assert.deepEqual(effects(line), ['create 3 mq_open("fdleak-test") cloexec /fdleak-test']);
});

test('eventfd, epoll, inotify, timerfd, signalfd, memfd: close-on-exec by their *_CLOEXEC flag', () => {
  const got = [
    'eventfd',
    'eventfd2',
    'epoll_create',
    'epoll_create1',
    'inotify_init',
    'inotify_init1',
    'timerfd_create',
    'signalfd',
    'signalfd4',
    'memfd_create',
  ].flatMap((name) => effects(captured(new RegExp(` ${name}\\(`))));
  assert.deepEqual(got, [
    'create 21 eventfd() anon_inode:[eventfd]',
    'create 22 eventfd2() cloexec anon_inode:[eventfd]',
    'create 23 epoll_create() anon_inode:[eventpoll]',
    'create 24 epoll_create1() cloexec anon_inode:[eventpoll]',
    'create 25 inotify_init() anon_inode:inotify',
    'create 26 inotify_init1() cloexec anon_inode:inotify',
    'create 27 timerfd_create() cloexec anon_inode:[timerfd]',
    'create 28 signalfd() anon_inode:[signalfd]',
    'create 29 signalfd4() cloexec anon_inode:[signalfd]',
    'create 30 memfd_create() cloexec',
  ]);
});

test('pipes; dup, dup2 and dup3 (the target is closed first); fcntl F_DUPFD and F_SETFD; ioctl FIOCLEX', () => {
  assert.deepEqual(effects(captured(/ pipe\(/)), ['create 32 pipe() pipe:[711342]', 'create 33 pipe() pipe:[711342]']);
  assert.deepEqual(effects(captured(/ pipe2\(/)), ['create 34 pipe2() cloexec pipe:[711345]', 'create 35 pipe2() cloexec pipe:[711345]']);
  assert.deepEqual(effects(captured(/ dup\(/)), ['create 31 dup(4) socket:[712209]']);
  assert.deepEqual(effects(captured(/ dup2\(/)), ['close 200 dup2 over fd 200', 'create 200 dup2(4) socket:[712209]']);
  assert.deepEqual(effects(captured(/ dup3\(/)), ['close 201 dup3 over fd 201', 'create 201 dup3(4) cloexec socket:[712209]']);
  assert.deepEqual(effects(captured(/F_DUPFD, 100/)), ['create 100 fcntl(4, F_DUPFD) socket:[712209]']);
  assert.deepEqual(effects(captured(/F_DUPFD_CLOEXEC/)), ['create 110 fcntl(4, F_DUPFD_CLOEXEC) cloexec socket:[712209]']);
  assert.deepEqual(effects(captured(/F_SETFD, FD_CLOEXEC/)), ['cloexec 100 on fcntl(F_SETFD, FD_CLOEXEC)']);
  assert.deepEqual(effects(captured(/F_SETFD, 0/)), ['cloexec 110 off fcntl(F_SETFD, 0)']);
  assert.deepEqual(effects(captured(/FIOCLEX/)), ['cloexec 36 on ioctl(FIOCLEX)']);
  assert.deepEqual(effects(captured(/FIONCLEX/)), ['cloexec 37 off ioctl(FIONCLEX)']);
});

test('close and close_range (plain, and CLOSE_RANGE_CLOEXEC up to ~0U: fds past 2^20 are not looked at)', () => {
  assert.deepEqual(effects(captured(/ close\(31/)), ['close 31 close()']);
  assert.deepEqual(effects(captured(/ close_range\(200/)), ['close-range 200-202 close_range(0)']);
  assert.deepEqual(effects(captured(/ close_range\(300/)), [`cloexec 300-${2 ** 20} on close_range(CLOSE_RANGE_CLOEXEC)`]);
  // Other strace versions print the last fd as ~0U.
  assert.deepEqual(effects('5581  03:23:08.089882 close_range(3, ~0U, 0) = 0 <0.000008>'), [`close-range 3-${2 ** 20} close_range(0)`]);
});

test('connects and SO_ERROR: in progress, refused (a failure), done', () => {
  assert.deepEqual(effects(captured(/connect\(4/)), ['connect 4 connect(127.0.0.1:40087) = 0 [0]']);
  assert.deepEqual(effects(captured(/connect\(5/)), ['connect 5 connect(127.0.0.1:40087) = -1 EINPROGRESS [-1 EINPROGRESS]']);
  assert.deepEqual(effects(captured(/connect\(8/)), ['connect 8 connect(127.0.0.1:9) = -1 ECONNREFUSED [-1 ECONNREFUSED] failed']);
  assert.deepEqual(effects(captured(/SO_ERROR/)), ['connect 9 SO_ERROR ECONNREFUSED [ECONNREFUSED] failed']);
});

test('writes: the first string after the fd, the size returned', () => {
  assert.deepEqual(effects(captured(/ write\(18/)), ['write 18 /tmp/fd-calls.l0RDbl/fd-calls.log "started\\n" 8']);
  assert.deepEqual(effects(captured(/ sendto\(/)), ['write 4 socket:[712209] "hello" 5']);
  assert.deepEqual(effects(captured(/ writev\(/)), ['write 4 socket:[712209] "hello" 5']);
  assert.deepEqual(effects(captured(/ sendmsg\(/)), ['write 4 socket:[712209] "hello" 5']);
  assert.deepEqual(effects(captured(/ pwrite64\(/)), ['write 19 /tmp/fd-calls.l0RDbl/fd-calls.log "x" 1']);
  assert.deepEqual(effects(captured(/ write\(1</)), [
    'write 1 /dev/null "6 7 8 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 2"... 91',
  ]);
});

test('execs: execve that succeeded; a failed execveat changes nothing', () => {
  assert.deepEqual(effects(captured(/ execve\(/)), ['exec /bin/true']);
  assert.deepEqual(effects(captured(/ execveat\(/)), []);
});

test('fails: EMFILE from a creating call is reported (ENFILE too); other failures are not', () => {
  assert.deepEqual(effects(captured(/ socket\(.*EMFILE/)), ['fd-limit EMFILE']);
  assert.deepEqual(effects(captured(/ openat\(.*EMFILE/)), ['fd-limit EMFILE']);
  // The system-wide limit cannot be reached here safely: the same line with ENFILE.
  assert.deepEqual(
    effects(captured(/ socket\(.*EMFILE/).replace('EMFILE (Too many open files)', 'ENFILE (Too many open files in system)')),
    ['fd-limit ENFILE'],
  );
  assert.deepEqual(effects(captured(/execveat/).replace('execveat', 'openat')), []);
});

test('forks: what the child shares, from clone flags; fork and vfork make processes', () => {
  const kind = (text: string) => {
    const l = parseLine(text);
    assert.ok(l.kind === 'call');
    return CALLS.get(l.name)?.fork?.(l.args);
  };
  assert.deepEqual(kind(captured(/ clone\(/)), { thread: false, shareFiles: false, detail: 'clone(process)' });
  assert.deepEqual(kind(captured(/ vfork\(/)), { thread: false, shareFiles: false, detail: 'vfork()' });
  assert.deepEqual(kind(captured(/clone3\(\{flags=CLONE_VM\|CLONE_FS\|CLONE_FILES/, RACE)), {
    thread: true,
    shareFiles: true,
    detail: 'clone3(thread)',
  });
  assert.deepEqual(kind(captured(/clone3\(\{flags=CLONE_VM\|CLONE_VFORK/, fixtureLines('strace', 'java-cat-leak', 'f-tt-T-y.strace'))), {
    thread: false,
    shareFiles: false,
    detail: 'clone3(process, vfork)',
  });
});

test('the pre-filter words: a call with `onlyWith` matters only on lines holding one of them', () => {
  const only = (name: string) => CALLS.get(name)?.onlyWith;
  assert.deepEqual(only('fcntl'), ['F_SETFD', 'F_DUPFD']);
  assert.deepEqual(only('getsockopt'), ['SO_ERROR']);
  assert.deepEqual(only('ioctl'), ['FIOCLEX', 'FIONCLEX']);
  // The lines without them report nothing.
  assert.deepEqual(
    effects('8581  18:59:57.685716 getsockopt(9<socket:[37335]>, SOL_SOCKET, SO_LINGER, {l_onoff=0, l_linger=0}, [8]) = 0 <0.000022>'),
    [],
  );
  assert.deepEqual(effects('8585  18:59:57.751000 ioctl(5<socket:[37344]>, FIONREAD, [0]) = 0 <0.000010>'), []);
});
