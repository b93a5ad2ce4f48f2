// dup2 over an open fd replaces it in place: the table neither grows nor shrinks, so it counts neither as a
// creation nor as a close of the thread. Real lines, c-rotlog-dup2-stderr-keeps-opened (captured here, round 250):
//   timeout 1 strace -f -e trace=desc -p 14428 — a logger that opens each new log, dup2()s it over stderr
//   and never closes the fd open returned. Counted as a close of fd 2 and a creation of fd 2, each dup2 made
//   the thread look as if it closed half of what it made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStraceSink } from '../../src/sources/strace/sink.js';
import { analyzeStrace } from '../../src/model/strace/analyze.js';

const LINES = [
  'openat(AT_FDCWD, "/tmp/r250/run/rotlog/app-583.log", O_WRONLY|O_CREAT|O_APPEND, 0644) = 586',
  'dup2(586, 2)                            = 2',
  'write(2, "rotlog[14428] rotated to /tmp/r2"..., 58) = 58',
  'openat(AT_FDCWD, "/tmp/r250/run/rotlog/app-584.log", O_WRONLY|O_CREAT|O_APPEND, 0644) = 587',
  'dup2(587, 2)                            = 2',
  'write(2, "rotlog[14428] rotated to /tmp/r2"..., 58) = 58',
  'openat(AT_FDCWD, "/tmp/r250/run/rotlog/app-585.log", O_WRONLY|O_CREAT|O_APPEND, 0644) = 588',
  'dup2(588, 2)                            = 2',
  'write(2, "rotlog[14428] rotated to /tmp/r2"..., 58) = 58',
  'openat(AT_FDCWD, "/tmp/r250/run/rotlog/app-586.log", O_WRONLY|O_CREAT|O_APPEND, 0644) = 589',
  'dup2(589, 2)                            = 2',
  'write(2, "rotlog[14428] rotated to /tmp/r2"..., 58) = 58',
  'openat(AT_FDCWD, "/tmp/r250/run/rotlog/app-587.log", O_WRONLY|O_CREAT|O_APPEND, 0644) = 590',
  'dup2(590, 2)                            = 2',
  'write(2, "rotlog[14428] rotated to /tmp/r2"..., 58) = 58',
];

function analyze(lines: readonly string[]) {
  const sink = createStraceSink({ file: 'transcript.md', warn: () => {} });
  for (const [i, l] of lines.entries()) sink.line(l, i + 1);
  return analyzeStrace([{ file: 'transcript.md', artifact: sink.end() }]);
}

test('openat then dup2 over stderr, the opened fd never closed: one creation per rotation, no close', () => {
  const a = analyze(LINES);
  assert.equal(a.threads[0]?.creates, 5);
  assert.equal(a.threads[0]?.closes, 0);
  assert.match(a.pattern?.group.signature ?? '', /^openat/);
  assert.equal(a.pattern?.weight, 2);
});

test('the same rotations with the opened fd closed after its dup2 are no pile', () => {
  const closing = LINES.flatMap((l) => {
    const m = /^dup2\((\d+), 2\)/.exec(l);
    return m ? [l, `close(${m[1]}) = 0`] : [l];
  });
  assert.equal(analyze(closing).pattern, null);
});
