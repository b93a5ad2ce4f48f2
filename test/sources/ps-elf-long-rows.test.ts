// `ps -elf` / `ps -efl` (procps's long format with -f) rows a grep kept without their header
// (accuracy round 290). Real line: mastodon/mastodon#27138, `ps -efl |grep 543843` naming the
// sidekiq process whose Elasticsearch connections grew.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ps } from '../../src/sources/ps.js';
import { parseLines } from '../../src/sources/run.js';

const ROW = '4 S mastodon  543843       1 15  80   0 - 1551277 do_pol May21 ?      09:45:04 sidekiq 6.5.12 live [0 of 25 busy]';

test('a headerless `ps -efl` row (F S UID PID PPID C PRI NI ADDR SZ WCHAN STIME TTY TIME CMD) is a ps row', () => {
  const command = 'ps -efl |grep 543843';
  assert.ok(ps.detect({ head: [ROW], name: 'transcript.md', command }) >= 0.9);
  const { artifact, warnings } = parseLines(ps, [ROW], { command });
  assert.deepEqual(warnings, []);
  assert.deepEqual(
    artifact.processes.map((p) => [p.pid, p.ppid, p.user, p.command, p.cmdline, p.started]),
    [[543843, 1, 'mastodon', 'sidekiq', 'sidekiq 6.5.12 live [0 of 25 busy]', 'May21']],
  );
});

test('its header reads the same columns, and a real-time task (NI `-`) or a kernel thread still fits', () => {
  const lines = [
    'F S UID          PID    PPID  C PRI  NI ADDR SZ WCHAN  STIME TTY          TIME CMD',
    '1 S root           2       0  0  80   0 -     0 -      May21 ?        00:00:00 [kthreadd]',
    '1 S root          14       2  0 -40   - -     0 -      May21 ?        00:00:00 [migration/0]',
  ];
  const rows = ['1 S root          14       2  0 -40   - -     0 -      May21 ?        00:00:00 [migration/0]'];
  for (const input of [lines, rows]) {
    const { artifact, warnings } = parseLines(ps, input);
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      artifact.processes.filter((p) => p.pid === 14).map((p) => [p.pid, p.ppid, p.cmdline]),
      [[14, 2, '[migration/0]']],
    );
  }
});

test('ps -ef and ps -eLf rows keep their own shapes', () => {
  const ef = 'mastodon  543843       1 15 May21 ?        09:45:04 sidekiq 6.5.12 live [0 of 25 busy]';
  const { artifact } = parseLines(ps, [ef]);
  assert.deepEqual(
    artifact.processes.map((p) => [p.pid, p.ppid]),
    [[543843, 1]],
  );
});
