// A child started with its stdio on pipes holds at fds 0-2 the pipes its parent keeps at fds 3
// and above. Real lines, from blog-java-exec-pipes-children (ryanchapin.com): lsof shows the JVM's
// name for the children too, so the log of the Java program is the parent's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const PARENT = [
  'java 8654 rchapin 23w FIFO 0,6 0t0 26015 pipe',
  'java 8654 rchapin 24r FIFO 0,6 0t0 26016 pipe',
  'java 8654 rchapin 26r FIFO 0,6 0t0 26017 pipe',
  'java 8654 rchapin 30w FIFO 0,6 0t0 26031 pipe',
  'java 8654 rchapin 31r FIFO 0,6 0t0 26032 pipe',
  'java 8654 rchapin 33r FIFO 0,6 0t0 26033 pipe',
];
const CHILDREN = [
  'java 8678 rchapin 0r FIFO 0,6 0t0 26015 pipe',
  'java 8678 rchapin 1w FIFO 0,6 0t0 26016 pipe',
  'java 8678 rchapin 2w FIFO 0,6 0t0 26017 pipe',
  'java 8680 rchapin 0r FIFO 0,6 0t0 26031 pipe',
  'java 8680 rchapin 1w FIFO 0,6 0t0 26032 pipe',
  'java 8680 rchapin 2w FIFO 0,6 0t0 26033 pipe',
];
const LOG = '2012-07-06 02:39:27,260 (ERROR) (Thread-6) java.io.IOException: error=24, Too many open files';

async function analyze(rows: string[]) {
  return analyzeTranscript(
    ['Rows of lsof:', '', '```', ...rows, '```', '', 'The log:', '', '```', LOG, '```', ''].join('\n'),
    'transcript.md',
    now,
  );
}

test('a log that names no process is the parent’s, beside the children it started with its pipes as their stdio', async () => {
  const r = await analyze([...PARENT, ...CHILDREN]);
  assert.equal(r.suspects[0]?.pid, 8654);
  assert.equal(r.suspects[0]?.leak?.kind, 'pipe');
  assert.equal(r.suspects.length, 1);
});

test('pipes shared another way (a child whose stderr is not one of them) tie nothing: the log stays unowned', async () => {
  const rows = [...PARENT, ...CHILDREN.slice(0, 5), 'java 8680 rchapin 2w CHR 136,0 0t0 3 /dev/pts/0'];
  const r = await analyze(rows);
  assert.equal(r.suspects.length, 0);
  assert.equal(r.verdict, 'inconclusive');
});
