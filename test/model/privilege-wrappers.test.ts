// Privilege tools other than sudo run the command after them as sudo does: the program is the
// first word after them and their options. Real line: ewxrjk/rsbackup#83, chiark-utils' `really`
// (gh-rsbackup-83-lsof-grep-c-pipe-137-systemd-run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toolOf, words } from '../../src/model/command-segments.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

test('really, run0 and pkexec are skipped with their options, as sudo is', () => {
  assert.equal(toolOf(words('really lsof -p 15081')).tool, 'lsof');
  assert.equal(toolOf(words('really -u root lsof -p 15081')).tool, 'lsof');
  assert.equal(toolOf(words('run0 --user app ls -l /proc/77/fd')).tool, 'ls');
  assert.equal(toolOf(words('pkexec --user root lsof -p 77')).tool, 'lsof');
  assert.equal(toolOf(words('sudo lsof -p 77')).tool, 'lsof');
});

const RSBACKUP = [
  '```',
  'rjk@araminta:~$ really lsof -p 15081|grep -c pipe',
  '137',
  'rjk@araminta:~$ ps -ef | grep rsbackup',
  'root     15079 15077  0 10:17 ?        00:00:00 /bin/sh /usr/bin/rsbackup.cron hourly',
  'root     15080 15079  0 10:17 ?        00:00:00 systemd-run --quiet --pipe --slice membound rsbackup --backup',
  'root     15081     1 99 10:17 ?        02:31:08 /usr/bin/rsbackup --backup',
  'rjk      22056 20987  0 12:46 pts/6    00:00:00 grep rsbackup',
  '```',
];

test("rsbackup#83: `really lsof -p 15081|grep -c pipe` counts 15081's pipe rows: it points at 15081, kind pipe", async () => {
  const result = await analyzeTranscript(RSBACKUP, 'transcript.md', now);
  const s = result.suspects[0];
  assert.equal(s?.pid, 15081);
  assert.equal(s?.leak.kind, 'pipe');
  assert.equal(result.verdict, 'inconclusive');
});
