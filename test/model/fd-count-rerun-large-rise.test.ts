// Two untimed runs of one count that rise by a hundred fds and by half: a clear climb (fd-count-rose
// at 2), which makes a leak only beside a kind the bundle shows; alone it stays a pointer (1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rerunWeight } from '../../src/model/signals/fd-growth.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const analyzeLines = (lines: string[]) => analyzeTranscript(lines, 'transcript.md', now);

// Captured case c-reaper-pidfd-per-child-lsof-tail-counts (round 280): a pidfd per child, never closed.
const PIDFD_ROWS = [138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149].map(
  (fd, i) => `reaper  28999 root  ${fd}u  a_inode    0,5        0 ${3755914 + i * 6} [pidfd]`,
);
const REAPER = [
  '```',
  'root@vm:~# lsof -p 28999 | tail -n 12',
  ...PIDFD_ROWS,
  'root@vm:~# ls /proc/28999/fd | wc -l',
  '151',
  'root@vm:~# ls /proc/28999/fd | wc -l',
  '273',
  "root@vm:~# grep 'open files' /proc/28999/limits",
  'Max open files            20000                20000                files     ',
  '```',
];

test('rerunWeight: 3 for a steady climb, 2 for a rise of 100 and half the first count, else 1', () => {
  assert.equal(rerunWeight(4, 50, 400), 3);
  assert.equal(rerunWeight(2, 122, 151), 2);
  assert.equal(rerunWeight(2, 100, 200), 2);
  assert.equal(rerunWeight(2, 99, 100), 1, 'under a hundred fds');
  assert.equal(rerunWeight(3, 300, 1000), 1, 'under half the first count: a busy server');
});

test('151 then 273 beside lsof rows all [pidfd]: a leak of anonymous inodes', async () => {
  const result = await analyzeLines(REAPER);
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.pid, 28999);
  assert.equal(s.leak?.kind, 'anon-inode');
  assert.equal(s.reasons.find((r) => r.signal === 'fd-count-rose')?.weight, 2);
});

test('the same counts with no listing: no kind beside them, they stay a pointer', async () => {
  const counts = [REAPER[0], ...REAPER.slice(14)];
  const result = await analyzeLines(counts);
  assert.notEqual(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, 28999);
  assert.equal(result.suspects[0]?.reasons.find((r) => r.signal === 'fd-count-rose')?.weight, 1);
});
