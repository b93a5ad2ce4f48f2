// Rows of `lsof -g` (a PGID after the PID) from an old lsof that prints an anonymous inode's TYPE as
// `0000` (accuracy round 98, flux-framework/flux-core#349: the fds a flux-broker kept after a run of
// jobs). `0000` passes for an fd word as well as for a TYPE: the FD column is the word a TYPE follows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lsof } from '../../src/sources/lsof.js';
import { parseLines } from '../../src/sources/run.js';

const ROWS = [
  '  flux-brok 7007 6980 scogland  117u  unix 0xffff880032e57100      0t0 143905 /tmp/cmb-0-37084-rexec-rep-11',
  '  flux-brok 7007 6980 scogland  118u  0000                0,9        0   7524 anon_inode',
  '  flux-brok 7007 6980 scogland  119u  0000                0,9        0   7524 anon_inode',
  '  flux-brok 7007 6980 scogland  120u  unix 0xffff880032d1d180      0t0 153335 /tmp/cmb-0-37084-rexec-rep-12',
  '  flux-brok 7007 6980 scogland  121u  0000                0,9        0   7524 anon_inode',
  '  flux-brok 7007 6980 scogland  122u  0000                0,9        0   7524 anon_inode',
];

test('a 0000 row after a third number reads its FD before the TYPE, as the unix rows beside it do', () => {
  const { artifact, warnings } = parseLines(lsof, ROWS);
  assert.deepEqual(warnings, []);
  assert.equal(artifact.holders.length, 1);
  const h = artifact.holders[0];
  assert.equal(h.pid, 7007);
  assert.equal(h.user, 'scogland');
  assert.equal(h.byKind.anon, 4);
  assert.equal(h.byKind['socket-unix'], 2);
  assert.equal(h.maxFd, 122);
});

test('a row with TID and TASKCMD still reads its FD after the user', () => {
  const row = 'java    25204 25210 VM\\x20Thr   1000    3u  0000   0,9   0   7524 anon_inode';
  const { artifact } = parseLines(lsof, [row]);
  assert.equal(artifact.holders.length, 1);
  assert.equal(artifact.holders[0].user, '1000');
});
