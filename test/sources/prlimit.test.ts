// `prlimit --pid PID`: the limits of that process, as util-linux prints them. Real lines:
// systemd/systemd#9205 (CentOS 7's `prlimit -p 1`, whole and `| grep NOFILE`; Arch's, with a unit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { procLimits } from '../../src/sources/proc-limits.js';

function winner(head: string[], command?: string): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect({ head, name: 'x.txt', command }) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test("prlimit's table: the NOFILE row is the open-files limit of the pid its command names", () => {
  const lines = [
    'RESOURCE   DESCRIPTION                             SOFT      HARD UNITS',
    'NOFILE     max number of open files               65536     65536 ',
  ];
  assert.equal(winner(lines, 'prlimit -p 1'), 'proc-limits');
  const r = parseLines(procLimits, lines, { command: 'prlimit -p 1' });
  assert.equal(r.artifact.pid, 1);
  assert.deepEqual([r.artifact.openFiles?.soft, r.artifact.openFiles?.hard, r.artifact.openFiles?.ev.line], [65536, 65536, 2]);
  assert.deepEqual(r.warnings, []);
});

test('`prlimit -p 1 | grep NOFILE`, with the unit newer versions print', () => {
  const lines = ['NOFILE     max number of open files             1048576   1048576 files'];
  const command = 'sudo prlimit -p 1  | grep NOFILE';
  assert.equal(winner(lines, command), 'proc-limits');
  const r = parseLines(procLimits, lines, { command });
  assert.equal(r.artifact.pid, 1);
  assert.equal(r.artifact.openFiles?.soft, 1048576);
  assert.equal(parseLines(procLimits, lines, { command: 'prlimit --pid=4242 --nofile' }).artifact.pid, 4242);
});

test("prlimit with no pid prints its own limits (the shell's): not read as a process's", () => {
  assert.notEqual(winner(['NOFILE     max number of open files               1024      4096 files'], 'prlimit --nofile'), 'proc-limits');
});
