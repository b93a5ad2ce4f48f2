// Banners inside one command's output (src/bundle/banners.ts): the `watch` screens of
// opentelemetry-cpp-contrib#585's pid_watch.sh (test/accuracy/cases/gh-otel-fluentd-exporter-flat-count-negative).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bannerFile, bannerText } from '../../src/bundle/banners.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { analyzeBundle } from '../../src/analysis.js';

const CASE = join(process.cwd(), 'test/accuracy/cases/gh-otel-fluentd-exporter-flat-count-negative/transcript.md');

const SCREEN = [
  '```',
  'Every 2.0s: /workspace/pid_watch.sh                                                                qemux86-64: Fri Oct  3 20:15:02 2025',
  '',
  'Time: 2025-10-03 20:15:02  PID: 1827',
  '---- /proc/1827/limits ----',
  'Limit                     Soft Limit           Hard Limit           Units',
  'Max open files            1024                 4096                 files',
  '---- FD usage ----',
  'open_fds: 11  max_fds: 1024 4096',
  '---- Socket counts (tcp/udp/unix) ----',
  'tcp lines: 14',
  '```',
];

test('a banner frames a file, or a title', () => {
  assert.equal(bannerFile('---- /proc/1827/limits ----'), '/proc/1827/limits');
  assert.equal(bannerFile('==> /proc/1827/limits <=='), '/proc/1827/limits');
  assert.equal(bannerFile('=== /var/log/app.log ==='), '/var/log/app.log');
  assert.equal(bannerText('---- FD usage ----'), 'FD usage');
  assert.equal(bannerFile('---- FD usage ----'), null);
  // A folder is listed, not printed; a rule, an arrow or unequal marks frame nothing.
  assert.equal(bannerFile('---- /proc/1827/fd ----'), null);
  assert.equal(bannerText('--------'), null);
  assert.equal(bannerText('-- x'), null);
  assert.equal(bannerText('--x--'), null);
  assert.equal(bannerText('=== RUN   TestFoo'), null);
  assert.equal(bannerText(`-- ${'x'.repeat(500)} --`), null);
});

test("a script's banner over /proc/PID/limits is that file's cat, until the next banner", () => {
  const items = splitTranscript(SCREEN);
  const limits = items.find((it) => it.command === 'cat /proc/1827/limits');
  assert.ok(limits, JSON.stringify(items.map((it) => it.command)));
  assert.deepEqual(
    limits.output.map((o) => o.text),
    [
      'Limit                     Soft Limit           Hard Limit           Units',
      'Max open files            1024                 4096                 files',
    ],
  );
});

test("head's and tail's own banners split their output by file, as monitoring scripts collect limits", () => {
  // `tail -n +1 /proc/*/limits`, the shape centreon's Linux plugin parses (`==> /proc/121212/limits <==`).
  const tail = splitTranscript([
    '$ tail -n +1 /proc/812/limits /proc/913/limits',
    '==> /proc/812/limits <==',
    'Limit                     Soft Limit           Hard Limit           Units',
    'Max open files            1024                 4096                 files',
    '',
    '==> /proc/913/limits <==',
    'Limit                     Soft Limit           Hard Limit           Units',
    'Max open files            65536                65536                files',
  ]);
  assert.deepEqual(
    tail.map((it) => it.command),
    ['cat /proc/812/limits', 'cat /proc/913/limits'],
  );
  // A thread-name file's banners stay with head's output: task-comm.ts reads them whole.
  const comm = splitTranscript([
    '$ head /proc/5740/task/*/comm',
    '==> /proc/5740/task/5740/comm <==',
    'java',
    '',
    '==> /proc/5740/task/5743/comm <==',
    'GC Thread#0',
  ]);
  assert.equal(comm.length, 1);
  // Inside a container, /proc/1 is not this host's pid 1: the output stays the exec's.
  const inside = splitTranscript([
    '$ docker exec web sh -c "tail -n +1 /proc/1/limits"',
    '==> /proc/1/limits <==',
    'Max open files 1024 4096 files',
  ]);
  assert.deepEqual(
    inside.map((it) => it.command),
    ['docker exec web sh -c "tail -n +1 /proc/1/limits"'],
  );
});

test("the two screens' limits are read: pid 1827 at 1024, nothing ran out, nobody blamed", async () => {
  assert.ok(readFileSync(CASE, 'utf8').includes('---- /proc/1827/limits ----'));
  const r = (await analyzeBundle(CASE, { now: new Date('2026-01-01T00:00:00Z') })).result;
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
  const limits = r.sources.filter((s) => s.kind === 'proc-limits');
  assert.deepEqual(
    limits.map((s) => [s.command, s.lines]),
    [
      ['cat /proc/1827/limits', [13, 15]],
      ['cat /proc/1827/limits', [28, 30]],
    ],
  );
});
