// Round 191: a header the paster typed over a `uniq -c` tally, naming its columns in capitals with
// the count first (containerd#5670: `COUNT PID USER COMMAND COMMAND PPID` over `uniq -c` of
// `ps --no-headers -o '%p %U %c %a %P'`, which prints no header of its own): no row, and no reason
// to drop the table; only above the first row, only under a `uniq -c`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countTable } from '../../src/sources/count-table.js';
import { parseLines } from '../../src/sources/run.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const COMMAND =
  "find /proc/*/fd -lname anon_inode:inotify |    cut -d/ -f3 |    xargs -I '{}' -- ps --no-headers -o '%p %U %c %a %P' -p '{}' |    uniq -c |    sort -nr | grep root";
const ROWS = [
  'COUNT PID USER     COMMAND         COMMAND                        PPID',
  ' 46 3276111 root     containerd-shim /usr/local/bin/containerd-s       1',
];

test('a typed COUNT header above the rows of a uniq -c is read as no row', () => {
  assert.ok(countTable.detect({ head: ROWS, name: 'x', command: COMMAND }) >= 0.9);
  const { artifact, warnings } = parseLines(countTable, ROWS, { command: COMMAND });
  assert.deepEqual(
    artifact.rows.map((r) => [r.count, r.key]),
    [[46, '3276111 root     containerd-shim /usr/local/bin/containerd-s       1']],
  );
  assert.deepEqual(warnings, []);
});

test('without a uniq -c command, or under the first row, a header is no caption', () => {
  assert.equal(countTable.detect({ head: ROWS, name: 'x' }), 0);
  const late = [ROWS[1], ROWS[0]];
  const { warnings } = parseLines(countTable, late, { command: COMMAND });
  assert.equal(warnings.length, 1);
});

test('containerd#5670: the tally under its typed header names shim 3276111, 46 inotify instances', async () => {
  const text = ['```', `$ ${COMMAND}`, ...ROWS, '```'].join('\n');
  const result = await analyzeTranscript(`${text}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 3276111);
  assert.equal(result.suspects[0]?.leak.kind, 'anon-inode');
});
