// A per-process fd count loop whose echo prints the process's name between its pid and its count,
// as typed on a BusyBox gateway with no lsof (c-gw-telemd-timerfd-per-sample-busybox-count-loop).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loopValue } from '../../src/sources/proc-fd-count-loop.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const LOOP = 'for p in $(pidof telemd watchdogd); do echo "$p $(cat /proc/$p/comm) $(ls /proc/$p/fd | wc -l)"; done';

test('the rest of a pid-first loop line: the count is its last word, the words before it the name', () => {
  assert.deepEqual(loopValue('362'), { value: 362 });
  assert.deepEqual(loopValue('telemd 362'), { value: 362, name: 'telemd' });
  assert.deepEqual(loopValue('GC Thread#0 12'), { value: 12, name: 'GC Thread#0' });
  assert.equal(loopValue('telemd'), undefined);
  assert.equal(loopValue('telemd 1e9'), undefined);
  assert.equal(loopValue(`${'x'.repeat(100)} 3`), undefined);
});

test("each process's count is read, twice, and the one that rose is the suspect", async () => {
  // The case's own lines (program/screen.txt), both runs of the loop.
  const block = [
    '```',
    `root@gateway:~# ${LOOP}`,
    '30317 telemd 362',
    '30316 watchdogd 3',
    '45 watchdogd 0',
    `root@gateway:~# ${LOOP}`,
    '30317 telemd 806',
    '30316 watchdogd 3',
    '45 watchdogd 0',
    '```',
  ];
  const r = await analyzeTranscript(`${block.join('\n')}\n`, 'transcript.md', new Date('2026-12-08T00:00:00Z'));
  const byPid = new Map((r.processes ?? []).map((p) => [p.pid, p]));
  assert.equal(byPid.get(30317)?.fdCount, 806);
  assert.equal(byPid.get(30316)?.fdCount, 3);
  assert.equal(byPid.get(30317)?.command, 'telemd');
  assert.equal(r.suspects?.[0]?.pid, 30317);
});
