// A pile of copies of an fd strace does not type (`fcntl(1, F_DUPFD_CLOEXEC)` per batch, never closed)
// says fds are made and kept, not what they are: the listing's kind types it, and the two add up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dupKind } from '../../src/model/signals/strace.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// Captured case perl-emit-dup-stdout-pipe: Perl's `open(my $save, '>&', \*STDOUT)` per batch, kept.
const EMIT = [
  '```',
  'root@vm:~# pgrep -af emit.pl',
  '14415 perl /tmp/r250/pl7/emit.pl',
  'root@vm:~# cat /proc/14415/limits | grep open',
  'Max open files            20000                20000                files     ',
  'root@vm:~# ls /proc/14415/fd | wc -l',
  '583',
  'root@vm:~# ls -l /proc/14415/fd | tail -5',
  'l-wx------ 1 root root 64 Dec  7 15:41 95 -> pipe:[14413227]',
  'l-wx------ 1 root root 64 Dec  7 15:41 96 -> pipe:[14413227]',
  'l-wx------ 1 root root 64 Dec  7 15:41 97 -> pipe:[14413227]',
  'l-wx------ 1 root root 64 Dec  7 15:41 98 -> pipe:[14413227]',
  'l-wx------ 1 root root 64 Dec  7 15:41 99 -> pipe:[14413227]',
  'root@vm:~# timeout 1 strace -e trace=dup,dup2,dup3,fcntl,close -p 14415',
  'strace: Process 14415 attached',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 586',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 587',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 588',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 589',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 590',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 591',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 592',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 593',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 594',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 595',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 596',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 597',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 598',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 599',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 600',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 601',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 602',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 603',
  'fcntl(1, F_DUPFD_CLOEXEC, 0)            = 604',
  'strace: Process 14415 detached',
  '```',
];

test('dupKind: copies without -y are untyped, with -y of the copied fd's kind; other calls are no copies', () => {
  assert.equal(dupKind('fcntl(1, F_DUPFD_CLOEXEC)'), null);
  assert.equal(dupKind('fcntl(3, F_DUPFD)'), null);
  assert.equal(dupKind('dup(5)'), null);
  assert.equal(dupKind('pipe2()'), undefined);
  assert.equal(dupKind('openat("/tmp/x")'), undefined);
});

test('F_DUPFD copies of stdout kept beside a tail all one pipe: a leak of pipes', async () => {
  const result = await analyzeTranscript(EMIT, 'transcript.md', now);
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.pid, 14415);
  assert.equal(s.leak?.kind, 'pipe');
  const pile = s.reasons.find((r) => r.signal === 'strace-unclosed');
  assert.equal(pile?.kind, null);
  assert.equal(pile?.weight, 2);
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
