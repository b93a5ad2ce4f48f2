// An excerpt's files of one folder, every one removed while still open, are a pile of deleted
// files: the share names their kind as deleted-file, not as live files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// Comcast/traffic_control#1782: Traffic Router's Tomcat holds its temp files after deleting them.
const ROWS = [
  '[root@my-ccr-01 ~]# lsof | grep deleted',
  'java      30206        root   53w      REG                8,3          0     155686 /opt/apache-tomcat-6.0.33/temp/loc5328418763434655085.dat (deleted)',
  'java      30206        root   55w      REG                8,3          0     155700 /opt/apache-tomcat-6.0.33/temp/loc7395668089700974662.dat (deleted)',
  'java      30206        root   57w      REG                8,3          0     155702 /opt/apache-tomcat-6.0.33/temp/loc4173128634880722976.dat (deleted)',
  'java      30206        root   59w      REG                8,3          0     155703 /opt/apache-tomcat-6.0.33/temp/loc6329917757855660469.dat (deleted)',
];

const analyzeLines = (lines: string[]) => analyzeTranscript(lines, 'transcript.md', now);

test('deleted temp files of one folder make a share of deleted files', async () => {
  const result = await analyzeLines(['```', ...ROWS, '```']);
  const s = result.suspects[0];
  assert.equal(s?.pid, 30206);
  assert.equal(s?.leak.kind, 'deleted-file');
});

test('the same files still linked are a share of live files', async () => {
  const result = await analyzeLines(['```', ...ROWS.map((r) => r.replace(' (deleted)', '').replace('grep deleted', 'grep temp')), '```']);
  const s = result.suspects[0];
  assert.equal(s?.pid, 30206);
  assert.equal(s?.leak.kind, 'file');
});

// savonet/liquidsoap#150: ten temporary mp3 files of /tmp removed while still open beside the one it
// still reads (fds up to 793): most of the folder's fds are deleted files, so the share is of them.
const LIQUIDSOAP = [
  'liquidsoa  1641 1644 liquidsoap  494r      REG              253,1        0     273373 /tmp/liq07e68e.mp3 (deleted)',
  'liquidsoa  1641 1644 liquidsoap  540r      REG              253,1        0     273390 /tmp/liq265c79.mp3 (deleted)',
  'liquidsoa  1641 1644 liquidsoap  678r      REG              253,1        0     273392 /tmp/liqed2495.mp3 (deleted)',
  'liquidsoa  1641 1644 liquidsoap  688r      REG              253,1        0     273384 /tmp/liq77c512.mp3 (deleted)',
  'liquidsoa  1641 1644 liquidsoap  751r      REG              253,1        0     273394 /tmp/liq00182e.mp3 (deleted)',
  'liquidsoa  1641 1644 liquidsoap  767r      REG              253,1        0     273396 /tmp/liqce4989.mp3 (deleted)',
  'liquidsoa  1641 1644 liquidsoap  793r      REG              253,1  6807238     264404 /tmp/liqe804d2.mp3',
  'liquidsoa  1641 1645 liquidsoap   22r      REG              253,1        0     273344 /tmp/liq7a038c.mp3 (deleted)',
  'liquidsoa  1641 1645 liquidsoap   23r      REG              253,1        0     273345 /tmp/liqe0c303.mp3 (deleted)',
  'liquidsoa  1641 1645 liquidsoap   24r      REG              253,1        0     273346 /tmp/liq8f2f74.mp3 (deleted)',
  'liquidsoa  1641 1645 liquidsoap   39r      REG              253,1        0     273348 /tmp/liq39878d.mp3 (deleted)',
];

test('a folder whose fds are mostly deleted files, one still linked, is a share of deleted files', async () => {
  const result = await analyzeLines(['```', ...LIQUIDSOAP, '```']);
  const s = result.suspects[0];
  assert.equal(s?.pid, 1641);
  assert.equal(s?.leak.kind, 'deleted-file');
});

test('a folder whose fds are mostly linked files, a few deleted, stays a share of files', async () => {
  const linked = LIQUIDSOAP.map((r, i) => (i < 8 ? r.replace(' (deleted)', '') : r));
  const result = await analyzeLines(['```', ...linked, '```']);
  const s = result.suspects[0];
  assert.equal(s?.pid, 1641);
  assert.equal(s?.leak.kind, 'file');
});
