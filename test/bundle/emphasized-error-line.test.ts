// A line that is one Markdown emphasis span and nothing else, quoting an error that says the
// process ran out: the error, an output of its own (accuracy round 254). Real lines:
// apache/airflow#49887 (the dag processor's `**OSError: [Errno 24] Too many open files**` over
// a log block cut before its last frame;
// test/accuracy/cases/gh-airflow3-dag-processor-job-errno24-traceback-log-only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotedErrors } from '../../src/bundle/code-spans.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const BOLD = '**OSError: [Errno 24] Too many open files**';
const LINES = [
  'Upgraded Airflow from 2.10 to 3.0.0 and DagProcessorJob getting failed after few hours. with below exception',
  BOLD,
  '```',
  '[2025-04-25T21:30:41.765+0100] {dag_processor_job_runner.py:63} ERROR - Exception when executing DagProcessorJob',
  'Traceback (most recent call last):',
  '  File "/var/opt/rdos-airflow/venv/lib/python3.10/site-packages/airflow/jobs/dag_processor_job_runner.py", line 61, in _execute',
  '    self.processor.run()',
  '```',
];

test('a line that is one emphasis span quoting an error is that error', () => {
  assert.deepEqual(quotedErrors(BOLD), ['OSError: [Errno 24] Too many open files']);
  assert.deepEqual(quotedErrors('_OSError: [Errno 24] Too many open files_'), ['OSError: [Errno 24] Too many open files']);
});

test('an emphasized sentence, the bare error words, or emphasis inside a sentence are no such line', () => {
  assert.deepEqual(quotedErrors('**Then the server started to fail with too many open files in the evening.**'), []);
  assert.deepEqual(quotedErrors('**Too many open files**'), []);
  assert.deepEqual(quotedErrors('I get **OSError: [Errno 24] Too many open files** sometimes'), []);
  // A caption that quotes the error in code (PentAGI's write-up, an item of a list) is prose, and
  // the bare words in its span name the error, not a line of output.
  assert.deepEqual(quotedErrors('**1. Queries fail with `Too many open files` (errno 24)**'), []);
});

test('a write-up reads the emphasized error as an output of its own, the error the process ran out of', async () => {
  const items = splitTranscript(LINES);
  assert.ok(items.some((it) => it.output.some((o) => o.text === 'OSError: [Errno 24] Too many open files' && o.line === 2)));
  const r = await analyzeTranscript(`${LINES.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.unownedRanOut?.message, 'OSError: [Errno 24] Too many open files');
});
