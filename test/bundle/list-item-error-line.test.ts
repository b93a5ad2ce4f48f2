// A line that is one Markdown list item of plain text, quoting an error that says the process ran
// out: the error, an output of its own (accuracy round 269). Real lines: robfig/cron#269 (a Go demo
// whose exec.Command calls fail, the error written as a list item under the sentence that says so,
// `ulimit -n` below; test/accuracy/cases/gh-robfig-cron-exec-command-pipe2-ulimit-1024).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotedErrors } from '../../src/bundle/code-spans.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const ITEM = '* pipe2 too many open files ';
const LINES = [
  'I was trying to see how much concurrency "cronV3" could carry at same time. So I wrote a demo below. And error occurs. Maybe I forgot to close some resource, but it doesn\'t obvious to me . Need some help, thanks',
  '',
  ITEM,
  '',
  'GoVersion 1.13.1 ',
  'GOOS/GOARCH =  linux/amd64',
  'OS/Kernel = Centos 6.9/4.15.7',
  '',
  'ulimit -n ',
  '> 1024',
  '',
];

test('a list item of plain text quoting an error is that error', () => {
  assert.deepEqual(quotedErrors(ITEM), ['pipe2 too many open files']);
  assert.deepEqual(quotedErrors('- open /x/y.db: too many open files'), ['open /x/y.db: too many open files']);
});

test('a list item that is a sentence, the bare error words, a caption or an item quoting a span is no such line', () => {
  assert.deepEqual(quotedErrors('* Then the server started to fail with too many open files in the evening.'), []);
  assert.deepEqual(quotedErrors('- Too many open files'), []);
  assert.deepEqual(quotedErrors('* **OSError: [Errno 24] Too many open files**'), []);
  assert.deepEqual(quotedErrors('* it fails with `pipe2: too many open files` sometimes'), ['pipe2: too many open files']);
  assert.deepEqual(quotedErrors('*pipe2 too many open files'), []);
});

test('a write-up reads the listed error as the error the process ran out of', async () => {
  const r = await analyzeTranscript(`${LINES.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.unownedRanOut?.message, 'pipe2 too many open files');
});
