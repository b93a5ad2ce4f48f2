// A tally of a process's fds by link target pasted without its command — a program's own scan of
// /proc/PID/fd by category (gh-zed-proc-stat-fd-scan-categories) — is read as that tally, tied to
// the process the bundle is about; busybox lsof's rows (pid, program, fd, target) and du's sizes
// of folders are not. A tally's path key counts the fds open on that one file (same-file-open).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { talliedFile } from '../../src/model/signals/same-file.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { PARSERS } from '../../src/sources/registry.js';
import type { DetectInput } from '../../src/sources/parser.js';
import { fdTargetTally, keyedByLinkTarget } from '../../src/model/type-counts.js';
import { analyzeTranscript } from '../analyze-transcript.js';

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

test("a tally's path key is the fds on that one file; not /dev/null, a category (`/proc/<pid>/stat`, `/home file`), nor a writer's groups", () => {
  const tally = rows(['   5000 /var/log/app.log', '     40 /dev/null', '     12 socket:[4711]', '      2 pipe:[77]']);
  assert.equal(talliedFile(tally)?.key, '/var/log/app.log');
  // The zed scan's categories name no one file ('/dev' is a path: the command decides, see below).
  assert.equal(talliedFile(rows(ZED.filter((l) => !l.endsWith('/dev'))))?.key, undefined);
  // blog-biekanle-java-sdk-fd-growth: `socket:[xxx]` counted 41,234 times — the writer replaced the
  // inodes, so `/tmp/cache/xxx.tmp` is many temp files, not one.
  assert.equal(
    talliedFile(rows(['41234 socket:[xxx] ← 大量 socket', '8500 /tmp/cache/xxx.tmp ←'].map((l) => l.replace(/ ←.*$/, '')))),
    null,
  );
});

test('5,000 fds on one log in `ls -l /proc/PID/fd | awk … | uniq -c` are a leak, not a healthy table (no-leak before)', async () => {
  const result = await analyzeTranscript(
    [
      "$ ls -l /proc/4242/fd | awk '{print $11}' | sort | uniq -c | sort -rn",
      '   5000 /var/log/app.log',
      '     12 socket:[123]',
      '      3 /dev/null',
      '      2 pipe:[77]',
      '$ cat /proc/4242/limits',
      'Limit                     Soft Limit           Hard Limit           Units',
      'Max open files            65536                65536                files',
      '',
    ].join('\n'),
    'transcript.md',
    now,
  );
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.pid, 4242);
  assert.equal(s.leak.kind, 'file');
  assert.ok(s.reasons.some((r) => r.signal === 'same-file-open' && r.weight === 3 && /\/var\/log\/app\.log/.test(r.statement)));
});

test('an uncommanded tally may key by category: its `/dev` row is no one file', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-zed-proc-stat-fd-scan-categories', 'transcript.md'), { now });
  assert.ok(!result.suspects.some((s) => s.reasons.some((r) => r.signal === 'same-file-open')));
});

// gh-bjorn-python-proc-fd-target-tally-spidev (infinition/Bjorn#51): the targets cut out at the
// arrow (`cut -d">" -f2`), so ls -l's `total 0` line stays whole as a key. Real lines:
const BJORN = [
  '   1989  /dev/spidev0.0',
  '      4  anon_inode:gpio-line',
  '      2  socket:[4633129]',
  '      2  /home/bjorn/Bjorn/.lgd-nfy0',
  '      1 total 0',
  '      1  socket:[4634887]',
];

test("a tally of /proc/PID/fd's targets cut at the arrow is one, its `total N` row ls's own line", async () => {
  assert.ok(keyedByLinkTarget(rows(BJORN)));
  // Not a target tally: a key that is no target, nor ls's total line.
  assert.ok(!keyedByLinkTarget(rows(['   1989  /dev/spidev0.0', '      1 total of all'])));
  const r = (await analyzeBundle(join(CASES_DIR, 'gh-bjorn-python-proc-fd-target-tally-spidev', 'transcript.md'), { now })).result;
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0].pid, 31504);
  assert.equal(r.suspects[0].leak.kind, 'file');
  assert.ok(r.suspects[0].reasons.some((x) => x.signal === 'same-file-open'));
});

test('a home folder’s owner redacted is still one path; a `/proc/<pid>/` placeholder is every pid', () => {
  const t = rows([' 119  /Users/<user>/.hermes/state.db', '  40  /proc/<pid>/status']);
  assert.equal(talliedFile(t)?.key, '/Users/<user>/.hermes/state.db');
  assert.equal(talliedFile(rows(['  40  /proc/<pid>/status', '   9  /home/<me>/app.log']))?.key, '/home/<me>/app.log');
});
