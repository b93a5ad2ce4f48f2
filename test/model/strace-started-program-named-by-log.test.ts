// A strace that started its program (`strace -o tagidx.strace -y … ./tagidx …`, no pid column) is
// the one process of that name the bundle shows: here pid 11927, named by its own log lines
// (`tagidx[11927]: open …: Too many open files`) and listed by `ls -l /proc/11927/fd | tail`. Real
// transcript: the round's captured case c-tagidx-strace-o-y-no-f-openat-rising-emfile-ls-tail-cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const LINES = [
  'tagidx (our tag indexer, C, single-threaded) stops indexing a few seconds after start. I ran it under strace (no -f, it does not fork or start threads) with a 256 fd limit to make it fail quickly:',
  '',
  '```',
  '$ ulimit -n',
  '256',
  '$ strace -o tagidx.strace -y -e trace=desc,network ./tagidx /tmp/r301-work/tagidx/tags 2> tagidx.log &',
  '[1] 11926',
  '$ tail -3 tagidx.log',
  'tagidx[11927]: open /tmp/r301-work/tagidx/tags/t-011.tag: Too many open files',
  'tagidx[11927]: open /tmp/r301-work/tagidx/tags/t-126.tag: Too many open files',
  'tagidx[11927]: open /tmp/r301-work/tagidx/tags/t-085.tag: Too many open files',
  '```',
  '',
  'The start of the trace, after the loader:',
  '',
  '```',
  "$ sed -n '19,30p' tagidx.strace",
  'newfstatat(3</tmp/r301-work/tagidx/tags>, "", {st_mode=S_IFDIR|0755, st_size=12288, ...}, AT_EMPTY_PATH) = 0',
  'getdents64(3</tmp/r301-work/tagidx/tags>, 0x55a30238d2d0 /* 402 entries */, 32768) = 12848',
  'openat(AT_FDCWD</tmp/r301-work/tagidx>, "/tmp/r301-work/tagidx/tags/t-327.tag", O_RDONLY) = 4</tmp/r301-work/tagidx/tags/t-327.tag>',
  'read(4</tmp/r301-work/tagidx/tags/t-327.tag>, "tag 327\\n", 128) = 8',
  'openat(AT_FDCWD</tmp/r301-work/tagidx>, "/tmp/r301-work/tagidx/tags/t-221.tag", O_RDONLY) = 5</tmp/r301-work/tagidx/tags/t-221.tag>',
  'read(5</tmp/r301-work/tagidx/tags/t-221.tag>, "tag 221\\n", 128) = 8',
  'openat(AT_FDCWD</tmp/r301-work/tagidx>, "/tmp/r301-work/tagidx/tags/t-092.tag", O_RDONLY) = 6</tmp/r301-work/tagidx/tags/t-092.tag>',
  'read(6</tmp/r301-work/tagidx/tags/t-092.tag>, "tag 092\\n", 128) = 8',
  'openat(AT_FDCWD</tmp/r301-work/tagidx>, "/tmp/r301-work/tagidx/tags/t-276.tag", O_RDONLY) = 7</tmp/r301-work/tagidx/tags/t-276.tag>',
  'read(7</tmp/r301-work/tagidx/tags/t-276.tag>, "tag 276\\n", 128) = 8',
  'openat(AT_FDCWD</tmp/r301-work/tagidx>, "/tmp/r301-work/tagidx/tags/t-121.tag", O_RDONLY) = 8</tmp/r301-work/tagidx/tags/t-121.tag>',
  'read(8</tmp/r301-work/tagidx/tags/t-121.tag>, "tag 121\\n", 128) = 8',
  '```',
  '',
  'and where it stops working:',
  '',
  '```',
  "$ sed -n '509,528p' tagidx.strace",
  'openat(AT_FDCWD</tmp/r301-work/tagidx>, "/tmp/r301-work/tagidx/tags/t-220.tag", O_RDONLY) = 249</tmp/r301-work/tagidx/tags/t-220.tag>',
  'read(249</tmp/r301-work/tagidx/tags/t-220.tag>, "tag 220\\n", 128) = 8',
  'openat(AT_FDCWD</tmp/r301-work/tagidx>, "/tmp/r301-work/tagidx/tags/t-356.tag", O_RDONLY) = 250</tmp/r301-work/tagidx/tags/t-356.tag>',
  'read(250</tmp/r301-work/tagidx/tags/t-356.tag>, "tag 356\\n", 128) = 8',
  'openat(AT_FDCWD</tmp/r301-work/tagidx>, "/tmp/r301-work/tagidx/tags/t-200.tag", O_RDONLY) = 252</tmp/r301-work/tagidx/tags/t-200.tag>',
  'read(252</tmp/r301-work/tagidx/tags/t-200.tag>, "tag 200\\n", 128) = 8',
  'openat(AT_FDCWD</tmp/r301-work/tagidx>, "/tmp/r301-work/tagidx/tags/t-148.tag", O_RDONLY) = 253</tmp/r301-work/tagidx/tags/t-148.tag>',
  'read(253</tmp/r301-work/tagidx/tags/t-148.tag>, "tag 148\\n", 128) = 8',
  'openat(AT_FDCWD</tmp/r301-work/tagidx>, "/tmp/r301-work/tagidx/tags/t-329.tag", O_RDONLY) = 254</tmp/r301-work/tagidx/tags/t-329.tag>',
  'read(254</tmp/r301-work/tagidx/tags/t-329.tag>, "tag 329\\n", 128) = 8',
  'openat(AT_FDCWD</tmp/r301-work/tagidx>, "/tmp/r301-work/tagidx/tags/t-042.tag", O_RDONLY) = 255</tmp/r301-work/tagidx/tags/t-042.tag>',
  'read(255</tmp/r301-work/tagidx/tags/t-042.tag>, "tag 042\\n", 128) = 8',
  'openat(AT_FDCWD</tmp/r301-work/tagidx>, "/tmp/r301-work/tagidx/tags/t-301.tag", O_RDONLY) = -1 EMFILE (Too many open files)',
  'write(2</tmp/r301-work/tagidx/tagidx.log>, "tagidx[11927]: open /tmp/r301-wo"..., 78) = 78',
  'openat(AT_FDCWD</tmp/r301-work/tagidx>, "/tmp/r301-work/tagidx/tags/t-054.tag", O_RDONLY) = -1 EMFILE (Too many open files)',
  'write(2</tmp/r301-work/tagidx/tagidx.log>, "tagidx[11927]: open /tmp/r301-wo"..., 78) = 78',
  'openat(AT_FDCWD</tmp/r301-work/tagidx>, "/tmp/r301-work/tagidx/tags/t-047.tag", O_RDONLY) = -1 EMFILE (Too many open files)',
  'write(2</tmp/r301-work/tagidx/tagidx.log>, "tagidx[11927]: open /tmp/r301-wo"..., 78) = 78',
  'openat(AT_FDCWD</tmp/r301-work/tagidx>, "/tmp/r301-work/tagidx/tags/t-176.tag", O_RDONLY) = -1 EMFILE (Too many open files)',
  'write(2</tmp/r301-work/tagidx/tagidx.log>, "tagidx[11927]: open /tmp/r301-wo"..., 78) = 78',
  '```',
  '',
  'While it was still running:',
  '',
  '```',
  '$ ls -l /proc/11927/fd | tail',
  'lr-x------ 1 root root 64 Dec  7 21:13 90 -> /tmp/r301-work/tagidx/tags/t-163.tag',
  'lr-x------ 1 root root 64 Dec  7 21:13 91 -> /tmp/r301-work/tagidx/tags/t-213.tag',
  'lr-x------ 1 root root 64 Dec  7 21:13 92 -> /tmp/r301-work/tagidx/tags/t-311.tag',
  'lr-x------ 1 root root 64 Dec  7 21:13 93 -> /tmp/r301-work/tagidx/tags/t-303.tag',
  'lr-x------ 1 root root 64 Dec  7 21:13 94 -> /tmp/r301-work/tagidx/tags/t-357.tag',
  'lr-x------ 1 root root 64 Dec  7 21:13 95 -> /tmp/r301-work/tagidx/tags/t-190.tag',
  'lr-x------ 1 root root 64 Dec  7 21:13 96 -> /tmp/r301-work/tagidx/tags/t-084.tag',
  'lr-x------ 1 root root 64 Dec  7 21:13 97 -> /tmp/r301-work/tagidx/tags/t-275.tag',
  'lr-x------ 1 root root 64 Dec  7 21:13 98 -> /tmp/r301-work/tagidx/tags/t-271.tag',
  'lr-x------ 1 root root 64 Dec  7 21:13 99 -> /tmp/r301-work/tagidx/tag',
  '```',
];

test('the strace of ./tagidx is pid 11927, the only tagidx its log and listing show', async () => {
  const r = await analyzeTranscript(LINES, 'transcript.md');
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects.length, 1);
  assert.equal(r.suspects[0].pid, 11927);
  assert.equal(r.rootCause?.pid, 11927);
  assert.equal(r.rootCause?.tid, 11927);
});

test('with two pids of that name in its log, the strace stays a process of its own', async () => {
  const other = LINES.map((l) =>
    l.replace('tagidx[11927]: open /tmp/r301-work/tagidx/tags/t-085', 'tagidx[11990]: open /tmp/r301-work/tagidx/tags/t-085'),
  );
  other.splice(
    other.indexOf('$ ls -l /proc/11927/fd | tail'),
    0,
    '$ ls -l /proc/11990/fd',
    'lr-x------ 1 root root 64 Dec  7 21:13 0 -> /dev/null',
    '```',
    '',
    '```',
  );
  const r = await analyzeTranscript(other, 'transcript.md');
  assert.equal(r.rootCause?.pid, null);
});
