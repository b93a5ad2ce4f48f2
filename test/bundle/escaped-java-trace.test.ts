// A Java trace a JSON log writer stored as one string, pasted with its `\n\t` escapes left in and
// real line breaks after some of them: the frames start their lines unindented, and one line may
// hold two. Read as a trace left outside any block, after the quoted counts above it.
// Real lines: ReactiveX/RxNetty#316.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { bareTraceEnd } from '../../src/bundle/bare-traces.js';

const TRACE = [
  'java.io.FileNotFoundException: /home/c/resources/static/user/index.html (Too many open files)\\n\\t',
  'at java.io.RandomAccessFile.open(Native Method)\\n\\tat java.io.RandomAccessFile.<init>(RandomAccessFile.java:243)\\n\\t',
  'at io.reactivex.netty.protocol.http.server.file.FileRequestHandler.handle(FileRequestHandler.java:95)\\n\\t',
  'at firebats.http.server.old.AbstractRoute$2.call(AbstractRoute.java:115)\\n\\t',
];

const PASTE = ['4.', '', '> ls -l /proc/20576/fd/ | wc -l', '> 15', '', 'error:', ...TRACE];

test('a trace with escaped line breaks and unindented frames ends where its frames do', () => {
  assert.equal(bareTraceEnd(TRACE, 0), 4);
  assert.equal(bareTraceEnd([...TRACE, 'the file is never closed'], 0), 4);
});

test('after quoted counts, the trace is an output of its own', () => {
  const items = splitTranscript(PASTE);
  assert.deepEqual(
    items.map((it) => [it.command, it.output.map((o) => o.line)]),
    [
      ['ls -l /proc/20576/fd/ | wc -l', [4]],
      [null, [7, 8, 9, 10]],
    ],
  );
});

test('prose after an exception head, or a frame without a JVM location, is no trace', () => {
  assert.equal(bareTraceEnd([TRACE[0], 'at least (twice) it failed\\n\\t'], 0), 0);
  assert.equal(bareTraceEnd([TRACE[0], 'at foo.bar(baz)\\n\\tat java.io.File.open(Native Method)'], 0), 0);
});
