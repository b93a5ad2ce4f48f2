// A tally of a process's fds by link target pasted without its command — a program's own scan of
// /proc/PID/fd by category (gh-zed-proc-stat-fd-scan-categories) — is read as that tally, tied to
// the process the bundle is about; busybox lsof's rows (pid, program, fd, target) and du's sizes
// of folders are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { PARSERS } from '../../src/sources/registry.js';
import type { DetectInput } from '../../src/sources/parser.js';
import { fdTargetTally } from '../../src/model/type-counts.js';

const now = new Date('2026-01-01T00:00:00Z');

// The case's "FD categories" block, copied exactly.
const ZED = [
  '230500 /proc other => /proc/<pid>/task/<tid>/stat',
  ' 31645 /proc/<pid>/stat',
  '   955 anon_inode:[eventfd]',
  '   946 anon_inode:[eventpoll]',
  '   940 anon_inode:[timerfd]',
  '   239 pipe',
  '   143 /home file',
  '    95 /dev',
  '    87 anon_inode:[pidfd]',
];

function winner(input: DetectInput): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect(input) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

function rows(lines: string[]) {
  return lines.map((text, i) => {
    const m = /^\s*(\d+) +(.+)$/.exec(text)!;
    return { count: Number(m[1]), key: m[2], ev: { file: 't.md', line: i + 1, text } };
  });
}

test('a tally keyed by link targets with no command is a count table; busybox lsof rows are not', () => {
  assert.equal(winner({ head: ZED, name: 'transcript.md' }), 'count-table');
  // busybox lsof: pid, program, fd, target — a target inside a longer key is a listing's row.
  const busybox = ['1\t/usr/bin/app\t98\tanon_inode:[pidfd]', '1\t/usr/bin/app\t99\tpipe:[4711]'];
  assert.notEqual(winner({ head: busybox, name: 'x.txt' }), 'count-table');
});

test('its keys must include a kind no path is (pipe, socket, anon_inode): du of folders is no fd tally', () => {
  assert.ok(fdTargetTally(rows(ZED)));
  assert.ok(!fdTargetTally(rows(['4096 /var/log', '  12 /tmp', '   8 /home'])));
  assert.ok(!fdTargetTally(rows(['900 java', '40 pipe'])));
});

test("the uncommanded tally is the fds of the process the bundle is about (the ps summary's pid), at least that many", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-zed-proc-stat-fd-scan-categories', 'transcript.md'), { now });
  const p = result.processes?.find((x) => x.pid === 2972742);
  assert.ok(p);
  assert.equal(p.fdCount, 265_550);
  assert.equal(p.fdCountMeasure, 'at-least');
  assert.equal(p.kinds.pipe, 239);
  // Not a listing in full: the bundle shows no health.
  assert.notEqual(result.verdict, 'no-leak');
});
