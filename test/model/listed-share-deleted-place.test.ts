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
