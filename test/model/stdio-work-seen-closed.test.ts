// A live listing of the standard streams alone shows nothing of what a process does — unless its own
// strace shows the work: fds made and every one closed again. Round 257's captured thumbnailer
// (test/accuracy/cases/c-thumbd-four-threads-open-close-healthy), its real lines cut short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const head = [
  '```',
  '$ ps -T -p 20171',
  '  PID  SPID TTY          TIME CMD',
  '20171 20171 ?        00:00:00 thumbd',
  '20171 20173 ?        00:00:00 thumb-worker',
  '20171 20174 ?        00:00:00 thumb-worker',
  '$ ls /proc/20171/fd | wc -l',
  '3',
];
const straceLines = [
  '$ timeout -s INT 1 strace -f -tt -p 20171 -e trace=openat,close',
  'strace: Process 20171 attached with 5 threads',
  '[pid 20174] 16:26:21.520889 openat(AT_FDCWD, "/usr/share/common-licenses/GPL-3", O_RDONLY|O_CLOEXEC) = 3',
  '[pid 20174] 16:26:21.521174 close(3)    = 0',
  '[pid 20174] 16:26:21.521306 openat(AT_FDCWD, "/tmp/r257/w6/thumb.tmp", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = 3',
  '[pid 20174] 16:26:21.521850 close(3)    = 0',
  '[pid 20173] 16:26:21.592806 openat(AT_FDCWD, "/usr/share/common-licenses/GPL-3", O_RDONLY|O_CLOEXEC) = 4',
  '[pid 20173] 16:26:21.593152 close(4)    = 0',
  '[pid 20173] 16:26:21.593376 openat(AT_FDCWD, "/tmp/r257/w6/thumb.tmp", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0644) = 4',
  '[pid 20173] 16:26:21.593705 close(4)    = 0',
  'strace: Process 20173 detached',
  'strace: Process 20174 detached',
];
const tail = [
  '$ ls /proc/20171/fd | wc -l',
  '3',
  '$ ls -l /proc/20171/fd',
  'total 0',
  'lr-x------ 1 root root 64 Dec  7 16:26 0 -> /dev/null',
  'l-wx------ 1 root root 64 Dec  7 16:26 1 -> /dev/null',
  'l-wx------ 1 root root 64 Dec  7 16:26 2 -> /dev/null',
  "$ grep 'Max open files' /proc/20171/limits",
  'Max open files            20000                20000                files     ',
  '```',
];

test('stdio alone beside a strace of the same threads opening and closing their files: health', async () => {
  const r = await analyzeTranscript([...head, ...straceLines, ...tail], 'transcript.md');
  assert.equal(r.verdict, 'no-leak');
});

test('stdio alone with no strace of the work stays no proof of health', async () => {
  const r = await analyzeTranscript([...head, ...tail], 'transcript.md');
  assert.equal(r.verdict, 'inconclusive');
  assert.match(r.summary, /standard streams alone/);
});

test('a strace that leaves a made fd open is no such proof either', async () => {
  const open = straceLines.filter((l) => !l.includes('close(4)'));
  const r = await analyzeTranscript([...head, ...open, ...tail], 'transcript.md');
  assert.notEqual(r.verdict, 'no-leak');
});
