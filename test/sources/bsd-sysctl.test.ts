// BSD's and macOS's sysctl names for the host's file table. Real lines: PurpleI2P/i2pd#1537
// (OpenBSD 6.7, `name=value`), facebook/flow#3794 (macOS, `name: value`), eradman/entr#179 (macOS
// `sysctl -w`, `old -> new`), the freebsd-questions mail of 2008-04-23 (FreeBSD 6.2, kern.ipc.*).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { bsdSysctl, kernelFiles } from '../../src/sources/kernel-files.js';

function winner(head: string[], command?: string): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect({ head, name: 'x.txt', command }) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test("OpenBSD's kern.maxfiles and kern.nfiles: the host's table and the files open in it", () => {
  const lines = ['kern.maxfiles=20000', 'kern.nfiles=252', 'kern.maxproc=1310', 'kern.nprocs=52'];
  const command = 'sysctl kern.maxfiles kern.nfiles kern.maxproc kern.nprocs';
  assert.equal(winner(lines, command), 'kernel-files');
  assert.equal(winner(lines), 'kernel-files');
  const r = parseLines(kernelFiles, lines, { command });
  assert.equal(r.artifact.fileMax?.value, 20000);
  assert.deepEqual([r.artifact.fileNr?.allocated, r.artifact.fileNr?.max, r.artifact.fileNr?.ev.line], [252, 20000, 2]);
  assert.deepEqual(r.warnings, []);
});

test("macOS's kern.maxfiles and kern.maxfilesperproc (`name: value`); sysctl -w's new value", () => {
  const r = parseLines(kernelFiles, ['kern.maxfiles: 12288'], { command: 'sysctl kern.maxfiles' });
  assert.equal(r.artifact.fileMax?.value, 12288);
  assert.equal(r.artifact.fileNr, undefined);
  const w = parseLines(kernelFiles, ['kern.maxfilesperproc: 10240 -> 11000'], { command: 'sudo sysctl -w kern.maxfilesperproc=11000' });
  assert.equal(w.artifact.nrOpen?.value, 11000);
  assert.deepEqual(bsdSysctl('kern.maxfilesperproc: 10240 -> 11000'), { key: 'kern.maxfilesperproc', value: '11000' });
});

test("FreeBSD's other sysctl keys are sysctl output, not read: the capture is recognised, empty", () => {
  const lines = ['kern.ipc.numopensockets: 11301'];
  assert.equal(winner(lines, 'sysctl kern.ipc.numopensockets'), 'kernel-files');
  assert.equal(winner(lines), 'none');
  const r = parseLines(kernelFiles, lines, { command: 'sysctl kern.ipc.numopensockets' });
  assert.equal(r.artifact.records, 0);
  assert.deepEqual(r.warnings, []);
});

test('not BSD sysctl lines: prose, a time, a log record', () => {
  assert.equal(bsdSysctl('Note: this is prose'), undefined);
  assert.equal(bsdSysctl('12:34: fine'), undefined);
  assert.equal(bsdSysctl('haproxy[46932]: Proxy my_proxy reached system memory limit at 83'), undefined);
});
