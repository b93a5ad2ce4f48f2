// An fd folder's `ls -l` rows with only `fd -> target` left (accuracy round 110): what
// `ls -l /proc/PID/fd | awk '{print $9, $10, $11}'` prints, pasted as "here is fds" in
// Supervisor/supervisor#807 (supervisord holding its rotated-away stdout logs). Real lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { procFd } from '../../src/sources/proc-fd.js';

const LISTING = [
  '0 -> /dev/null',
  '1 -> /dev/null',
  '10 -> /data/supervisor_log/bg_task_01-stdout.log.10 (deleted)',
  '100 -> pipe:[32356299]',
  '101 -> /data/supervisor_log/bg_task_00-stdout.log.10 (deleted)',
  '105 -> /data/supervisor_log/bg_task_00-stderr.log',
  "6 -> 'socket:[83451]'",
];

test('`fd -> target` lines of an fd folder are its fd links, read by proc-fd', () => {
  const input = { head: LISTING, name: 'transcript.md', command: undefined };
  const best = PARSERS.map((p) => ({ id: p.id, score: p.detect(input) })).sort((a, b) => b.score - a.score)[0];
  assert.equal(best.id, 'proc-fd');
  const { artifact } = parseLines(procFd, LISTING, { file: 'transcript.md' });
  assert.equal(artifact.rows, 7);
  const [h] = artifact.holders;
  assert.deepEqual(
    [...h.entries].map((e) => [e.fd, e.name]),
    [
      ['0', '/dev/null'],
      ['1', '/dev/null'],
      ['10', '/data/supervisor_log/bg_task_01-stdout.log.10 (deleted)'],
      ['100', 'pipe:[32356299]'],
      ['101', '/data/supervisor_log/bg_task_00-stdout.log.10 (deleted)'],
      ['105', '/data/supervisor_log/bg_task_00-stderr.log'],
      ['6', 'socket:[83451]'],
    ],
  );
});

test('an arrow in prose, or to something no fd links to, is no fd row', () => {
  const prose = ['1 -> 2 means the first step leads to the second', '3 -> then retry', 'step 4 -> /tmp/x'];
  assert.equal(procFd.detect({ head: prose, name: 'notes.md', command: undefined }), 0);
});

// vectordotdev/vector#8101: `find /proc/*/fd -ls | grep '(deleted)'` pasted with only
// `path -> target` left, find's `\ ` escape kept. The pid is in each link's path.
const FOUND = [
  '/proc/3961658/fd/40 -> /var/log/pods/elastic-...100b1-ff77-49f7-9794-6c1d066eceb3/elasticsearch/1.log.20210701-075620\\ (deleted)',
  '/proc/3961658/fd/42 -> /var/log/pods/elastic-...100b1-ff77-49f7-9794-6c1d066eceb3/elasticsearch/1.log.20210701-075943\\ (deleted)',
  '/proc/3961658/fd/45 -> /var/log/pods/elastic-...100b1-ff77-49f7-9794-6c1d066eceb3/elasticsearch/1.log.20210701-075338\\ (deleted)',
];

test("`/proc/PID/fd/N -> target` lines are that pid's fd links, find's escaped blank read as a blank", () => {
  const input = { head: FOUND, name: 'transcript.md', command: undefined };
  const best = PARSERS.map((p) => ({ id: p.id, score: p.detect(input) })).sort((a, b) => b.score - a.score)[0];
  assert.equal(best.id, 'proc-fd');
  const { artifact } = parseLines(procFd, FOUND, { file: 'transcript.md' });
  assert.equal(artifact.rows, 3);
  const [h] = artifact.holders;
  assert.equal(h.pid, 3961658);
  assert.deepEqual(
    [...h.entries].map((e) => [e.fd, e.name]),
    [
      ['40', '/var/log/pods/elastic-...100b1-ff77-49f7-9794-6c1d066eceb3/elasticsearch/1.log.20210701-075620 (deleted)'],
      ['42', '/var/log/pods/elastic-...100b1-ff77-49f7-9794-6c1d066eceb3/elasticsearch/1.log.20210701-075943 (deleted)'],
      ['45', '/var/log/pods/elastic-...100b1-ff77-49f7-9794-6c1d066eceb3/elasticsearch/1.log.20210701-075338 (deleted)'],
    ],
  );
});

test('a path arrow to something no fd links to is no fd row', () => {
  assert.equal(procFd.detect({ head: ['/proc/12/fd/3 -> then retry'], name: 'notes.md', command: undefined }), 0);
});

// PurpleI2P/i2pd#1764 (accuracy round 160): `ls -l /proc/6512/fd|tail -n10` pasted with the middle
// words of each row cut away, `mode fd -> target`. Real lines.
const MODED = [
  'lrwx------  990 -> anon_inode:[eventfd]',
  'lrwx------  991 -> anon_inode:[eventpoll]',
  'lrwx------  992 -> anon_inode:[timerfd]',
  'lrwx------  993 -> socket:[8612623]',
  'lrwx------  994 -> anon_inode:[eventfd]',
];

test('`mode fd -> target` lines are fd links with their mode, read by proc-fd', () => {
  const input = { head: MODED, name: 'transcript.md', command: undefined };
  const best = PARSERS.map((p) => ({ id: p.id, score: p.detect(input) })).sort((a, b) => b.score - a.score)[0];
  assert.equal(best.id, 'proc-fd');
  const { artifact } = parseLines(procFd, MODED, { file: 'transcript.md' });
  assert.equal(artifact.rows, 5);
  const [h] = artifact.holders;
  assert.deepEqual(
    [...h.entries].map((e) => [e.fd, e.name]),
    [
      ['990', 'anon_inode:[eventfd]'],
      ['991', 'anon_inode:[eventpoll]'],
      ['992', 'anon_inode:[timerfd]'],
      ['993', 'socket:[8612623]'],
      ['994', 'anon_inode:[eventfd]'],
    ],
  );
});

test('a mode before an arrow to nothing an fd links to is no fd row', () => {
  const lines = ['lrwx------  3 -> then retry', 'drwx------  4 -> /tmp/x'];
  assert.equal(procFd.detect({ head: lines, name: 'notes.md', command: undefined }), 0);
});
