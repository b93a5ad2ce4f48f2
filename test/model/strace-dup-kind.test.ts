// A dup (`dup`, `dup2`, `dup3`, `fcntl(…, F_DUPFD…)`) makes a copy of an fd: its kind is the copied
// fd's, which only strace's -y annotation shows. Without one, the copies strace saw kept say fds are
// made and never closed, not what they are: the listing says that.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dupKind } from '../../src/model/signals/strace.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

test('a dup has the kind of the fd it copies when -y shows it, none when nothing does', () => {
  assert.equal(dupKind('fcntl(1, F_DUPFD_CLOEXEC) → (no close)'), null);
  assert.equal(dupKind('dup(3) → (no close)'), null);
  assert.equal(dupKind('dup(3</tmp/cm159/run/logd/logd.log>) → (no close)'), 'file');
  assert.equal(dupKind('fcntl(1<pipe:[14413227]>, F_DUPFD_CLOEXEC) → (no close)'), 'pipe');
  assert.equal(dupKind('dup(7<UNIX-STREAM:[4411]>) → (no close)'), 'socket-unix');
  assert.equal(dupKind('dup(7<socket:[4411]>) → (no close)'), null);
  // Not a dup: the creating call's own kind decides.
  assert.equal(dupKind('fcntl(3, F_SETFD, FD_CLOEXEC) → (no close)'), undefined);
  assert.equal(dupKind('openat(AT_FDCWD, "/tmp/x", O_RDONLY) → (no close)'), undefined);
});

// perl-emit-dup-stdout-pipe: Perl's `open(my $save, '>&', \*STDOUT)` per batch is
// `fcntl(1, F_DUPFD_CLOEXEC, 0)`; the listing's tail shows the copies, all one pipe's write end.
const EMIT = [
  '```',
  'root@vm:~# cat /proc/14415/limits | grep open',
  'Max open files            20000                20000                files     ',
  'root@vm:~# ls /proc/14415/fd | wc -l',
  '583',
  'root@vm:~# ls -l /proc/14415/fd | tail -5',
  ...[95, 96, 97, 98, 99].map((fd) => `l-wx------ 1 root root 64 Dec  7 15:41 ${fd} -> pipe:[14413227]`),
  'root@vm:~# timeout 1 strace -e trace=dup,dup2,dup3,fcntl,close -p 14415',
  'strace: Process 14415 attached',
  ...Array.from({ length: 19 }, (_, i) => `fcntl(1, F_DUPFD_CLOEXEC, 0)            = ${586 + i}`),
  'strace: Process 14415 detached',
  '```',
];

test('copies of stdout made and never closed take the kind the listing shows: pipes, a leak', async () => {
  const result = await analyzeTranscript(EMIT, 'transcript.md', now);
  const s = result.suspects[0];
  assert.equal(s?.pid, 14415);
  assert.equal(s?.leak.kind, 'pipe');
  assert.equal(result.verdict, 'leak');
  assert.equal(s?.reasons.find((r) => r.signal === 'strace-unclosed')?.kind, null);
});

test('the copies alone, no listing: fds made and kept of no kind shown, no leak', async () => {
  const result = await analyzeTranscript(
    EMIT.filter((l) => !l.includes('pipe:[') && !l.includes('tail')),
    'transcript.md',
    now,
  );
  assert.notEqual(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, 14415);
});
