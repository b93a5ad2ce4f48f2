// valgrind --track-fds=yes: the fds a program held at exit, read as its fd table, and the call
// paths that made several and closed none. Real lines: jwerle/fs.c#3, openpmix/openpmix#746,
// ScrollZ/ScrollZ#6 (--time-stamp=yes), vibe-d/vibe.d#1462, systemd/systemd#22576, avahi/avahi#758
// (test/accuracy/cases/gh-*-valgrind-*).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { callKind, valgrindFdCount, valgrindFdRow, valgrindFds } from '../../src/sources/valgrind-fds.js';
import { CASES_DIR } from '../accuracy/score.js';

function parse(lines: string[]) {
  const warnings: string[] = [];
  const sink = valgrindFds.sink({ file: 'x', warn: (_n, m) => warnings.push(m) });
  for (const [i, l] of lines.entries()) sink.line(l, i + 1);
  return { a: sink.end(), warnings };
}

const FS_C = [
  '==94811== Command: ./test-fs',
  '==94811==',
  '==94811== FILE DESCRIPTORS: 9 open at exit.',
  '==94811== Open file descriptor 8: ./tmp/1',
  '==94811==    at 0x2B3AFA: open$NOCANCEL (in /usr/lib/system/libsystem_kernel.dylib)',
  '==94811==    by 0x1000009BC: fs_open (in ./test-fs)',
  '==94811==    by 0x100000EC5: fs_nwrite (in ./test-fs)',
  '==94811==    by 0x100000E8C: fs_write (in ./test-fs)',
  '==94811==    by 0x10000169A: main (in ./test-fs)',
  '==94811==',
  '==94811== Open file descriptor 7: ./tmp/biz',
  '==94811==    at 0x2B3AFA: open$NOCANCEL (in /usr/lib/system/libsystem_kernel.dylib)',
  '==94811==    by 0x1000009BC: fs_open (in ./test-fs)',
  '==94811==    by 0x100000D4B: fs_read (in ./test-fs)',
  '==94811==    by 0x100001517: main (in ./test-fs)',
  '==94811==',
  '==94811== Open file descriptor 3: ./tmp/biz',
  '==94811==    at 0x2B3AFA: open$NOCANCEL (in /usr/lib/system/libsystem_kernel.dylib)',
  '==94811==    by 0x1000009BC: fs_open (in ./test-fs)',
  '==94811==    by 0x100000EC5: fs_nwrite (in ./test-fs)',
  '==94811==    by 0x100000E8C: fs_write (in ./test-fs)',
  '==94811==    by 0x1000014FD: main (in ./test-fs)',
  '==94811==',
];

const OPENPMIX = [
  '==188204== Command: .libs/stability --reps 10',
  '==188204== ',
  'Testing version 3.0.0',
  'Running cycle 0',
  'Test finished OK!',
  '==188204== ',
  '==188204== FILE DESCRIPTORS: 3 open at exit.',
  '==188204== Open file descriptor 2: /dev/pts/1',
  '==188204==    <inherited from parent>',
  '==188204== ',
  '==188204== Open file descriptor 1: /dev/pts/1',
  '==188204==    <inherited from parent>',
  '==188204== ',
  '==188204== Open file descriptor 0: /dev/pts/1',
  '==188204==    <inherited from parent>',
  '==188204== ',
  '==188204== HEAP SUMMARY:',
];

test("valgrind's report of fs.c's test: the process's fds at exit, cut (3 of 9 shown), and one call path that made two and closed neither", () => {
  assert.ok(valgrindFds.detect({ head: FS_C, name: 'transcript.md' }) >= 0.9);
  const { a, warnings } = parse(FS_C);
  assert.equal(a.holders.length, 1);
  const h = a.holders[0];
  assert.equal(h.pid, 94811);
  assert.equal(h.command, 'test-fs');
  assert.equal(h.fds, 3);
  assert.equal(h.byKind.file, 3);
  assert.equal(h.maxFd, 8);
  assert.equal(a.truncated, true);
  assert.match(warnings.join('\n'), /counts 9 fds open at exit for pid 94811 and the report shows 3/);
  const paths = [...a.unclosed].sort((x, y) => y.count - x.count);
  assert.equal(paths[0].count, 2);
  assert.equal(paths[0].kind, 'file');
  assert.equal(paths[0].path, 'open$NOCANCEL < fs_open < fs_nwrite < fs_write < main');
  assert.deepEqual(
    paths[0].evidence.map((e) => e.line),
    [4, 17],
  );
  assert.equal(paths[1].count, 1);
});

test('openpmix: three fds at exit, all inherited, listed in full; the test program output between is skipped', () => {
  const { a } = parse(OPENPMIX);
  assert.equal(a.truncated, false);
  assert.equal(a.hasHeader, true);
  assert.equal(a.holders[0].fds, 3);
  assert.equal(a.holders[0].byKind.device, 3);
  assert.deepEqual(a.unclosed, []);
});

test('rows of every shape valgrind prints: time-stamped prefix, sockets by family, the count with its inherited part', () => {
  const scrollz = parse([
    '==00:00:01:14.891 831== FILE DESCRIPTORS: 6 open at exit.',
    '==00:00:01:14.891 831== Open file descriptor 6: /home/fb/.ScrollZ/ScrollZ.save',
    '==00:00:01:14.891 831==    at 0x324E0DB400: __open_nocancel (in /lib64/libc-2.12.so)',
  ]).a;
  assert.equal(scrollz.holders[0].pid, 831);
  assert.equal(scrollz.holders[0].byKind.file, 1);
  assert.deepEqual(valgrindFdRow(' Open AF_INET socket 12: <unbound> <-> unbound'), {
    fd: 12,
    name: 'AF_INET <unbound> <-> unbound',
    kind: 'socket-other',
    type: 'socket',
  });
  assert.equal(valgrindFdRow(' Open AF_UNIX socket 5: <unknown>')?.kind, 'socket-unix');
  assert.equal(valgrindFdRow(' Open pf-16 socket 7')?.fd, 7);
  assert.equal(valgrindFdRow(' Open file descriptor 4: /var/lib/sss/mc/passwd')?.kind, 'file');
  assert.equal(valgrindFdCount(' FILE DESCRIPTORS: 6 open (3 inherited) at exit.'), 6);
  assert.equal(valgrindFdCount(' FILE DESCRIPTORS: 9 open at exit.'), 9);
  assert.equal(valgrindFdRow('    at 0x2B3AFA: open$NOCANCEL (in /usr/lib/system/libsystem_kernel.dylib)'), undefined);
});

test('systemd#22576: a GitHub Actions log stamps its time before every ==PID== line; the report is read behind it', () => {
  const lines = [
    '2022-02-20T17:01:04.8233835Z ==16447== FILE DESCRIPTORS: 5 open at exit.',
    '2022-02-20T17:01:04.8234476Z ==16447== Open AF_UNIX socket 4: <unknown>',
    '2022-02-20T17:01:04.8235013Z ==16447==    at 0x4DC290B: socket (syscall-template.S:78)',
    '2022-02-20T17:01:04.8235570Z ==16447==    by 0x4DB9CD2: openlog_internal (syslog.c:350)',
    '2022-02-20T17:01:04.8237789Z ==16447== ',
    '2022-02-20T17:01:04.8238102Z ==16447== Open AF_UNIX socket 3: <unknown>',
    '2022-02-20T17:01:04.8238594Z ==16447==    at 0x4DC290B: socket (syscall-template.S:78)',
    '2022-02-20T17:01:04.8239103Z ==16447==    by 0x4B5DEFF: journal_fd (journal-send.c:51)',
  ];
  assert.equal(valgrindFds.detect({ head: lines, name: 'x' }), 0.97);
  const { a } = parse(lines);
  assert.equal(a.holders[0].pid, 16447);
  assert.equal(a.holders[0].byKind['socket-unix'], 2);
  // Each socket was made once by its own path: nothing made several.
  assert.ok(a.unclosed.every((g) => g.count === 1));
  // A time that is not a CI stamp before the prefix is not valgrind's line.
  assert.equal(parse(['17:01:04 ==16447== FILE DESCRIPTORS: 5 open at exit.']).a.rows, 0);
});

test('other ==PID== lines (memcheck alone) are no fd report; a hostile line is bounded', () => {
  assert.equal(
    valgrindFds.detect({ head: ['==9566== Memcheck, a memory error detector', '==9566== Command: ./target/release/wezterm'], name: 'x' }),
    0,
  );
  const { a } = parse([`==1== Open file descriptor 3: /${'a'.repeat(200_000)}`, `==1== ${'    by 0x1: f'.repeat(50_000)}`]);
  assert.equal(a.holders[0].fds, 1);
});

test('fs.c: the call path that made two fds and closed neither points at the test program (unclosed-at-exit, weight 1): inconclusive, file', async () => {
  const file = join(CASES_DIR, 'gh-fs-c-valgrind-track-fds-unclosed-files', 'transcript.md');
  const { result } = await analyzeBundle(file, { now: new Date('2026-01-01T00:00:00Z') });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 94811);
  assert.equal(result.suspects[0]?.leak.kind, 'file');
  const r = result.suspects[0]?.reasons.find((x) => x.signal === 'unclosed-at-exit');
  assert.equal(r?.weight, 1);
  assert.equal(r?.count, 2);
});

test('openpmix: three inherited stdio fds at exit, the whole table: no-leak', async () => {
  const file = join(CASES_DIR, 'gh-openpmix-valgrind-inherited-stdio-negative', 'transcript.md');
  const { result } = await analyzeBundle(file, { now: new Date('2026-01-01T00:00:00Z') });
  assert.equal(result.verdict, 'no-leak');
  assert.equal(result.suspects.length, 0);
});

test('valgrind 3.17+ writes its count line `(3 std)`: read as the count, so a report of fewer rows is cut; `.` is a folder (systemd/systemd#32252)', () => {
  const lines = [
    '==254305==',
    '==254305== FILE DESCRIPTORS: 331 open (3 std) at exit.',
    '==254305== Open file descriptor 349: .',
    '==254305==    at 0x4F03C52: openat (in /usr/lib64/libc.so.6)',
    '==254305==    by 0x4B403B3: fd_reopen (fd-util.c:853)',
    '==254305==    by 0x5575C1: sd_dhcp_server_set_lease_file (sd-dhcp-server.c:1611)',
    '==254305==',
    '==254305== Open file descriptor 348: .',
    '==254305==    at 0x4F03C52: openat (in /usr/lib64/libc.so.6)',
    '==254305==    by 0x4B403B3: fd_reopen (fd-util.c:853)',
  ];
  assert.equal(valgrindFdCount(' FILE DESCRIPTORS: 331 open (3 std) at exit.'), 331);
  assert.equal(valgrindFds.detect({ head: lines.slice(0, 2), name: 'x' }), 0.97);
  const { a, warnings } = parse(lines);
  assert.equal(a.truncated, true);
  assert.match(warnings.join('\n'), /valgrind counts 331 fds open at exit for pid 254305 and the report shows 2: it is cut/);
  assert.equal(a.holders[0].byKind.dir, 2);
});

// Round 227's captured spoolq (test/accuracy/cases/c-spoolq-valgrind-pipe-per-job-track-fds): valgrind
// names no pipe; the call the stack starts at says what the fd is.
const SPOOLQ = [
  '==26447== Command: ./spoolq',
  '==26447== FILE DESCRIPTORS: 65 open (3 std) at exit.',
  '==26447== Open file descriptor 63:',
  '==26447==    at 0x4953B09: pipe (pipe.c:29)',
  '==26447==    by 0x10918F: hand_off (spoolq.c:7)',
  '==26447==    by 0x109213: main (spoolq.c:14)',
  '==26447== ',
  '==26447== Open file descriptor 62:',
  '==26447==    at 0x4953B09: pipe (pipe.c:29)',
  '==26447==    by 0x10918F: hand_off (spoolq.c:7)',
  '==26447==    by 0x109213: main (spoolq.c:14)',
  '==26447== ',
  '==26447== Open file descriptor 10: /dev/null',
  '==26447==    <inherited from parent>',
  '==26447== ',
];

test('valgrind: a row with no name takes its kind from the call that made it (pipe)', () => {
  const { a } = parse(SPOOLQ);
  const h = a.holders[0];
  assert.equal(h.byKind.pipe, 2);
  assert.equal(h.byKind.device ?? 0, 1);
  assert.equal(h.byKind.other ?? 0, 0);
  assert.equal(a.unclosed[0].kind, 'pipe');
  assert.equal(a.unclosed[0].count, 2);
});

test('valgrind callKind: pipes and anonymous inodes by their call, nothing else', () => {
  assert.equal(callKind('pipe'), 'pipe');
  assert.equal(callKind('pipe2'), 'pipe');
  assert.equal(callKind('__pipe'), 'pipe');
  assert.equal(callKind('pipe@@GLIBC_2.2.5'), 'pipe');
  assert.equal(callKind('eventfd'), 'anon');
  assert.equal(callKind('epoll_create1'), 'anon');
  assert.equal(callKind('inotify_init1'), 'anon');
  // Every call strace/calls.ts's fdMadeBy says makes an anonymous inode.
  assert.equal(callKind('eventfd2'), 'anon');
  assert.equal(callKind('__pidfd_open'), 'anon');
  assert.equal(callKind('socketpair'), undefined);
  assert.equal(callKind('open$NOCANCEL'), undefined);
  assert.equal(callKind('hand_off'), undefined);
  assert.equal(callKind('pipeline'), undefined);
});

test('valgrind: the captured spoolq, 60 pipe ends from one path, is a pipe leak', async () => {
  const file = join(CASES_DIR, 'c-spoolq-valgrind-pipe-per-job-track-fds', 'transcript.md');
  const { result } = await analyzeBundle(file, { now: new Date('2026-01-01T00:00:00Z') });
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, 26447);
  assert.equal(result.suspects[0]?.leak.kind, 'pipe');
});
