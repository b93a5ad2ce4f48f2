// A command run inside a process's folder (`cd /proc/30914 && ls -l fd`) lists that process's fds,
// and a tally of its links a grep picked (`| grep soledad | cut -d'/' -f 6 | sort | uniq -c`) sums
// to that many of its fds at least. Real lines: pixelated/pixelated-user-agent#675
// (test/accuracy/cases/gh-pixelated-python-soledad-per-user-fd-tally).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandPid, interpretCount } from '../../src/model/pipeline.js';
import { greppedLinkTally } from '../../src/model/type-counts.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const COMMAND = "cd /proc/30914 && ls -l fd | awk '{print $11}' | grep soledad | cut -d'/' -f 6 | sort | uniq -c";

test("a relative path run in /proc/PID is that process's file", () => {
  assert.equal(commandPid(COMMAND), 30914);
  assert.equal(interpretCount(COMMAND)?.pid, 30914);
  assert.equal(commandPid('cd /proc/30914/ && cat limits'), 30914);
  // Another folder, or a word that is no file of /proc/PID, names no process.
  assert.equal(commandPid('cd /tmp/30914 && ls -l fd'), undefined);
  assert.equal(commandPid('cd /proc/30914 && ls -l mydir'), undefined);
});

test('a tally of the links a grep picked sums to that many fds at least', () => {
  const ev = { file: 't', line: 1, text: '     13 061cfb808feb6d0990b9559406577c74' };
  const rows = [
    { key: '061cfb808feb6d0990b9559406577c74', count: 13, ev },
    { key: '085135ff52719128ee3f05f4001b9002', count: 22, ev },
  ];
  const picked = greppedLinkTally(interpretCount(COMMAND), COMMAND, rows);
  assert.equal(picked?.pid, 30914);
  assert.equal(picked?.count.value, 35);
  assert.equal(picked?.count.measure, 'at-least');
  // `head` kept some keys only; `grep -v` picked what it did not name.
  const head = `${COMMAND} | head`;
  assert.equal(greppedLinkTally(interpretCount(head), head, rows), null);
  const inverted = COMMAND.replace('grep soledad', 'grep -v soledad');
  assert.equal(greppedLinkTally(interpretCount(inverted), inverted, rows), null);
});

test('the pasted tally gives pid 30914 its count, no more', async () => {
  const text = [
    '```',
    "root@dev1:/proc/30914# ls -l fd | awk '{print $11}' | grep soledad | cut -d'/' -f 6 | sort | uniq -c",
    '     13 061cfb808feb6d0990b9559406577c74',
    '     13 061cfb808feb6d0990b9559406583dfa',
    '     22 085135ff52719128ee3f05f4001b9002',
    '     11 33b33061930fa9c9fbc1755b6b580acb',
    '```',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  const p = result.processes?.find((x) => x.pid === 30914);
  assert.equal(p?.fdCount, 59);
  assert.equal(p?.fdCountMeasure, 'at-least');
  assert.equal(result.verdict, 'inconclusive');
});
