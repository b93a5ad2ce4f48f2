// An exception whose message a console wrapped over the lines under it, the stack under the line
// that says it ran out (src/sources/ran-out-shapes.ts wrappedExceptionRanOut). Real lines: R's error
// text of a Spark job run from sparklyr, quoted by its reporter, in sparklyr/sparklyr#1080
// (test/accuracy/cases/gh-sparklyr-local-spark-temp-shuffle-emfile-quoted-wrapped-log).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wrappedExceptionRanOut } from '../../src/sources/ran-out-shapes.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const WRAPPED = [
  '>     failure: Lost task 10.0 in stage 3.0 (TID 132, localhost, executor ',
  '>     driver): java.io.FileNotFoundException: /tmp/blockmgr-9ded7dfb-20b8-',
  '>     4c72-8a6f-2db12ba884fb/1f/temp_shuffle_e69d56ba-80b4-499f-a91f-',
  '>     0ae63fe4553f (Too many open files)',
  '> \tat java.io.FileOutputStream.open0(Native Method)',
];

test("a qualified exception whose wrapped message says it ran out, the stack under it, is a program's report", () => {
  assert.equal(wrappedExceptionRanOut(WRAPPED.map((l) => l.slice(2))), true);
  // No stack under the line: a reporter's prose may run on like this.
  assert.equal(wrappedExceptionRanOut(WRAPPED.slice(0, 4).map((l) => l.slice(2))), false);
  // No package before the type: prose ("Error: ...") is no exception.
  assert.equal(
    wrappedExceptionRanOut([
      'I got Error: the job failed on',
      'the node (Too many open files)',
      '\tat java.io.FileOutputStream.open0(Native Method)',
    ]),
    false,
  );
  // The message goes on past the bound: not one exception's text.
  const long = ['java.io.IOException: a', ...Array.from({ length: 7 }, () => 'b'), 'c (Too many open files)', '\tat x.Y.z(Y.java:1)'];
  assert.equal(wrappedExceptionRanOut(long), false);
});

test("sparklyr/sparklyr#1080: R's wrapped, quoted Spark error is read as a log whose line says it ran out, no pid", async () => {
  const text = [
    'I get the following error:',
    '',
    '```',
    '> ',
    '>   Error in value[[3L]](cond) : ',
    '>     Failed to fetch data: org.apache.spark.SparkException: Job aborted due ',
    '>     to stage failure: Task 10 in stage 3.0 failed 1 times, most recent ',
    ...WRAPPED,
    '> \tat java.io.FileOutputStream.open(FileOutputStream.java:270)',
    '> \tat java.io.FileOutputStream.<init>(FileOutputStream.java:213)',
    '```',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /Too many open files/);
});
