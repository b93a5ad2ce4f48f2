// A terminal paste left outside a code block, with the prose going on under it (accuracy
// round 53), on the real lines of fluent/fluent-bit#486: the sentences are none of the output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isProseSentence } from '../../src/bundle/prose-line.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

const ROW = (fd: string, time: string) =>
  `lr-x------ 1 root root 64 Jan 14 ${time} ${fd} -> /var/lib/docker/containers/01318066a03ddb3bf06479d57337ea11bf4ec620a6e4f2553e63976f0e037a6a/01318066a03ddb3bf06479d57337ea11bf4ec620a6e4f2553e63976f0e037a6a-json.log`;

test('a sentence is prose; program messages, rows and journal lines are not', () => {
  assert.equal(isProseSentence('The reporter suspected the tail input never closes the fd of a file it has stopped following.'), true);
  assert.equal(isProseSentence('The issue was labelled bug and fixed.'), true);
  assert.equal(isProseSentence('Caused by: java.io.IOException: Too many open files'), false);
  assert.equal(isProseSentence('Dec 06 10:00:01 web1 app[123]: accept failed: Too many open files.'), false);
  assert.equal(isProseSentence(ROW('1102', '04:42')), false);
  assert.equal(isProseSentence('      Output information may be incomplete.'), false);
});

test('fluent-bit#486: the ls -al | grep rows end where the prose under them starts', () => {
  const items = splitTranscript([
    'root@s40:/proc/38376/fd# ls -al | grep /var/lib/docker/containers/01318066a03d>',
    ROW('1102', '04:42'),
    ROW('1246', '05:24'),
    ROW('1392', '07:37'),
    '',
    'The reporter suspected the tail input never closes the fd of a file it has stopped following.',
    'The issue was labelled bug and fixed.',
  ]);
  assert.equal(items.length, 1);
  assert.equal(items[0].output.length, 3);
});

test('a paste in a code block keeps a sentence-like line of its output', () => {
  const items = splitTranscript(['```', '$ cat notes.txt', 'first', '', 'The service was restarted by the night shift.', '```']);
  assert.equal(items[0].output.filter((o) => o.text.trim() !== '').length, 2);
});
