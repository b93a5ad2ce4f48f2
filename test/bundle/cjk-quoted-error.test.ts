// A Chinese, Japanese or Korean sentence that quotes a program's error glued to its words, no quotes
// and no blank around it: the error is a line of output of its own. Real lines: trumanwl.com's
// post on `tail: inotify cannot be used, reverting to polling: Too many open files` (accuracy case
// blog-trumanwl-tail-inotify-emfile-max-user-instances-zh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cjkQuotedError, quotedErrors } from '../../src/bundle/code-spans.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const ERROR = 'tail: inotify cannot be used, reverting to polling: Too many open files';
const SENTENCE = `今天在服务器用tail查看日志的时候,提示${ERROR}。`;

const LINES = [
  '# tail: inotify cannot be used, reverting to polling',
  '',
  SENTENCE,
  '',
  '```',
  '$ cat /proc/sys/fs/inotify/max_user_instances',
  '128',
  '```',
];

test('the error a CJK sentence ends with is read, its full stop dropped', () => {
  assert.equal(cjkQuotedError(SENTENCE), ERROR);
  assert.deepEqual(quotedErrors(SENTENCE), [ERROR]);
});

test('a fenced write-up reads the sentence’s error as an output of its own', () => {
  const items = splitTranscript(LINES);
  assert.deepEqual(items[0], { command: null, commandLine: 3, output: [{ text: ERROR, line: 3 }] });
});

test('the analysis keeps the line as nobody’s ran-out message', async () => {
  const result = await analyzeTranscript(LINES, 'transcript.md');
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.equal(result.unownedRanOut?.message, ERROR);
});

test('bare error words, a sentence without CJK, or CJK words after the error are no such line', () => {
  assert.equal(cjkQuotedError('提示Too many open files。'), undefined);
  assert.equal(cjkQuotedError(`Today it said ${ERROR}.`), undefined);
  assert.equal(cjkQuotedError(`提示${ERROR}，然后退出了。`), undefined);
  assert.equal(cjkQuotedError('执行lsof -p 1234 | wc -l。'), undefined);
});
