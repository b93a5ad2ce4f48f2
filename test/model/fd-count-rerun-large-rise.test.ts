// Two untimed runs of one count that rise by a hundred fds, the last still rising: a clear climb (fd-count-rose
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

test('rerunWeight: 3 for a steady climb, 2 for a rise of 100 whose last run still rose, else 1', () => {
  assert.equal(rerunWeight([400, 410, 430, 450]), 3);
  assert.equal(rerunWeight([151, 273]), 2);
  assert.equal(rerunWeight([100, 200]), 2);
  assert.equal(rerunWeight([431, 580]), 2, 'a gain of 149 at 35 % of the first count: no share is asked');
  assert.equal(rerunWeight([1000, 1300]), 2);
  assert.equal(rerunWeight([100, 199]), 1, 'under a hundred fds');
  assert.equal(rerunWeight([100, 300, 300]), 1, 'flat at its last run: levelled off, as a full pool is');
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

// Captured case bash-pollerd-exec-fd-state-file: `exec {fd}<> state.json` every round, never closed.
// The counts gain 149 fds (35 % of the first): no share is asked of a climb of a hundred fds.
const POLLERD = [
  '[oncall@app3 ~]$ prlimit -n --pid 6905',
  'RESOURCE DESCRIPTION              SOFT HARD UNITS',
  'NOFILE   max number of open files 4096 4096 files',
  '[oncall@app3 ~]$ find /proc/6905/fd | wc -l',
  '431',
  '[oncall@app3 ~]$ find /proc/6905/fd | wc -l',
  '580',
  '[oncall@app3 ~]$ ls -la /proc/6905/fd | tail -n 20',
  'lrwx------ 1 root root  64 Dec  7 09:25 80 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 81 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 82 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 83 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 84 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 85 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 86 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 87 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 88 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 89 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 90 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 91 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 92 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 93 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 94 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 95 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 96 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 97 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 98 -> /srv/acc175/pollerd/state.json',
  'lrwx------ 1 root root  64 Dec  7 09:25 99 -> /srv/acc175/pollerd/state.json',
];

test('431 then 580 beside a tail all one file: two agreeing pointers make a leak of files', async () => {
  const result = await analyzeLines(POLLERD);
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.pid, 6905);
  assert.equal(s.leak?.kind, 'file');
  assert.equal(s.reasons.find((r) => r.signal === 'fd-count-rose')?.weight, 2);
});

test("the poller's counts without the tail: no kind shown, the climb stays a pointer", async () => {
  const result = await analyzeLines(POLLERD.filter((l) => !l.includes('->') && !l.includes('tail')));
  assert.notEqual(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.reasons.find((r) => r.signal === 'fd-count-rose')?.weight, 1);
});
