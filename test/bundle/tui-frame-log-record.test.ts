// k9s shows a pod's log inside a box: copied off the screen, each line keeps the box's border and a
// blank before the record. Round 242's fission#1858 (test/accuracy/cases/
// gh-fission-executor-accept4-too-many-open-files-k9s) pasted the executor's Go accept error so,
// outside any block: it is a log record of its own, its time after the border.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareLogRecord } from '../../src/bundle/code-spans.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const K9S = '│ 2020/11/06 09:37:26 http: Accept error: accept tcp [::]:8888: accept4: too many open files; retrying in 5ms';

test("a record after a terminal frame's border is a bare log record; the border alone opens none", () => {
  assert.equal(bareLogRecord(K9S), true);
  assert.equal(bareLogRecord(K9S.replace('│', '┃')), true);
  // Julia's logging frame (gh-revise-jl-inotify-capacity-warning-max-user-watches) holds prose, no time.
  assert.equal(bareLogRecord('│ Check the current value with `cat /proc/sys/fs/inotify/max_user_watches`.'), false);
  // Two borders, or the border without its blank, are no frame this reads.
  assert.equal(bareLogRecord(`│ ${K9S}`), false);
  assert.equal(bareLogRecord(K9S.replace('│ ', '│')), false);
});

test('the executor line under an open backtick is the line that says fds ran out', async () => {
  const result = await analyzeTranscript(
    ['**Describe the bug**', '', 'Executor pod restarted and many occurrences of:', '`', K9S, ''],
    'transcript.md',
  );
  assert.equal(result.verdict, 'inconclusive');
  assert.match(result.suspects[0]?.ranOut?.message ?? result.unownedRanOut?.message ?? '', /accept4: too many open files/);
});
