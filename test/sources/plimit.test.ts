// Solaris's and illumos's `plimit PID` (ptools): the limits of that process, under the line that
// names it. Real lines: collectd/collectd#3860 (Solaris 11, `# plimit 4205`, our copy cut after the
// stack row).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { procLimits, ptoolHead } from '../../src/sources/proc-limits.js';

const COLLECTD = [
  '4205:   collectd -C /etc/opt/csw/collectd.conf -f',
  '   resource              current         maximum',
  '  time(seconds)         unlimited       unlimited',
  '  file(blocks)          unlimited       unlimited',
  '  data(kbytes)          unlimited       unlimited',
  '  stack(kbytes)         8192',
];

function winner(head: string[], command?: string): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect({ head, name: 'x.txt', command }) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test("plimit's table is read as that process's limits; its first line names the process", () => {
  assert.equal(winner(COLLECTD, 'plimit 4205'), 'proc-limits');
  assert.equal(winner(COLLECTD), 'proc-limits');
  const r = parseLines(procLimits, COLLECTD, { command: 'plimit 4205' });
  assert.equal(r.artifact.pid, 4205);
  assert.equal(r.artifact.command, 'collectd');
  assert.equal(r.artifact.cmdline, 'collectd -C /etc/opt/csw/collectd.conf -f');
  assert.equal(r.artifact.named?.line, 1);
  assert.deepEqual(Object.keys(r.artifact.values), ['cpu', 'fsize', 'data']);
  // The cut stack row (no maximum) is no row.
  assert.equal(r.warnings.length, 1);
  assert.equal(r.artifact.openFiles, undefined);
});

test("plimit's nofiles row is the process's open-files limit", () => {
  const lines = [...COLLECTD.slice(0, 2), '  nofiles(descriptors)  16384           32768'];
  const r = parseLines(procLimits, lines, { command: 'plimit 4205' });
  assert.deepEqual([r.artifact.openFiles?.soft, r.artifact.openFiles?.hard, r.artifact.openFiles?.ev.line], [16384, 32768, 3]);
});

test("a ptool's first line: pid, program and arguments; not a log's `12:34` nor a sentence", () => {
  assert.deepEqual(ptoolHead('4205:   collectd -C /etc/opt/csw/collectd.conf -f'), {
    pid: 4205,
    command: 'collectd',
    cmdline: 'collectd -C /etc/opt/csw/collectd.conf -f',
  });
  assert.equal(ptoolHead('12:34 something')?.command, undefined);
  assert.equal(ptoolHead('4205:/usr/sbin/foo'), undefined);
  assert.equal(ptoolHead('/opt/local/sbin/nginx: master')?.pid, undefined);
});
