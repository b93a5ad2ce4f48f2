// ps -o rows a grep kept without their header: the command's format names say the columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLines } from '../../src/sources/run.js';
import { ps, specColumns } from '../../src/sources/ps.js';

// node-spawn-stdio-fd3-audit-log-lsof-children: the grep dropped ps's header line.
const COMMAND = 'ps -eo pid,ppid,lstart,cmd --forest | grep -v grep | grep -E "auditor|sleep 600"';
const ROWS = [
  ' 1379  1376 Mon Dec  7 09:46:03 2026                  \\_ node /tmp/c180/node-fd3/auditor.js',
  ' 1402  1379 Mon Dec  7 09:46:04 2026                  |   \\_ sleep 600',
  ' 1438  1379 Mon Dec  7 09:46:05 2026                  |   \\_ sleep 600',
];

test('headerless rows of ps -o are read by the columns its format names', () => {
  assert.deepEqual(specColumns(COMMAND), ['PID', 'PPID', 'STARTED', 'CMD']);
  assert.ok(ps.detect({ head: ROWS, name: 'transcript.md', command: COMMAND }) >= 0.8);
  const r = parseLines(ps, ROWS, { command: COMMAND });
  assert.deepEqual(r.warnings, []);
  assert.deepEqual(
    r.artifact.processes.map((p) => [p.pid, p.ppid, p.command, p.started]),
    [
      [1379, 1376, 'node', 'Mon Dec  7 09:46:03 2026'],
      [1402, 1379, 'sleep', 'Mon Dec  7 09:46:04 2026'],
      [1438, 1379, 'sleep', 'Mon Dec  7 09:46:05 2026'],
    ],
  );
});

test('a format name ps does not print, or one without the pid, names no columns; without a ps command the rows are not claimed', () => {
  assert.equal(specColumns('ps -eo ppid,cmd'), undefined);
  assert.equal(specColumns('ps -eo pid,foo'), undefined);
  assert.equal(specColumns('ps -ef'), undefined);
  assert.equal(ps.detect({ head: ROWS, name: 'x.txt' }), 0);
});
