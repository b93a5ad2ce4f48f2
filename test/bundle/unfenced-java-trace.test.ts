// A Java stack trace left outside the fences of a Markdown paste (the trace unfenced under a
// sentence, the code under it fenced) is output of its own: its head, then its frames,
// `Caused by:` and `... N more`. Real lines: zeromq/jeromq#183
// (test/accuracy/cases/gh-jeromq-ctx-per-message-makepipe-emfile-trace).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareJavaTraceEnd } from '../../src/bundle/code-spans.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

const JEROMQ = [
  'I am having this issue after some hours of good working:',
  '',
  'zmq.ZError$IOException: java.io.IOException: Too many open files',
  '    at zmq.Signaler.make_fdpair(Signaler.java:87)',
  '    at zmq.Signaler.<init>(Signaler.java:48)',
  '    at ... (my files )',
  '    at java.lang.Thread.run(Thread.java:744)',
  'Caused by: java.io.IOException: Too many open files',
  '    at sun.nio.ch.IOUtil.makePipe(Native Method)',
  '    ... 11 more]]',
  '',
  'My ZMQ code: ',
  '',
  '```',
  '            ZMQ.Context context = ZMQ.context(1);',
  '    sender.close();',
  '        context.term(); ',
  '```',
];

test('an unfenced Java trace whose head says it ran out ends after its last trace line', () => {
  assert.equal(bareJavaTraceEnd(JEROMQ, 2), 10);
  // Not a head: prose, a head without a frame under it, a head that does not say it ran out.
  assert.equal(bareJavaTraceEnd(JEROMQ, 0), 0);
  assert.equal(bareJavaTraceEnd(['java.io.IOException: Too many open files', 'and then it stopped'], 0), 0);
  assert.equal(bareJavaTraceEnd(['java.lang.NullPointerException: x', '    at a.B.c(B.java:1)'], 0), 0);
});

test('the unfenced trace above a fenced block is read as one output', () => {
  const items = splitTranscript(JEROMQ);
  const trace = items.find((it) => it.output.some((o) => o.text.startsWith('zmq.ZError$IOException')));
  assert.ok(trace, 'the trace is an output');
  assert.equal(trace.command, null);
  assert.deepEqual(
    trace.output.map((o) => o.line),
    [3, 4, 5, 6, 7, 8, 9, 10],
  );
});
