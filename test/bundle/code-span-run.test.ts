// A command and what it printed, each set as its own inline code span on consecutive lines, in a
// write-up with no fence. Real lines: cjmamo/kafka-web-console#30 (`lsof | grep PID |wc -l`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { hasCodeSpanRun, inlineCodeRun } from '../../src/bundle/code-spans.js';

const LINES = [
  "I'm running your fork and initially it looked way better but after a weekend being up and running it hangs again with lot of open files. ",
  '`$ lsof | grep 31434 |wc -l`',
  '`327756`',
];

test('two lines each one code span are one block: the command, then its output', () => {
  assert.equal(
    hasCodeSpanRun(LINES, () => false),
    true,
  );
  assert.deepEqual(inlineCodeRun(LINES, 1), ['$ lsof | grep 31434 |wc -l', '327756']);
  const items = splitTranscript(LINES);
  assert.equal(items.length, 1);
  assert.equal(items[0].command, 'lsof | grep 31434 |wc -l');
  assert.equal(items[0].commandLine, 2);
  assert.deepEqual(
    items[0].output.map((o) => [o.line, o.text]),
    [[3, '327756']],
  );
});

test('one code span alone is no run', () => {
  assert.equal(
    hasCodeSpanRun(['some prose', '`327756`', 'more prose'], () => false),
    false,
  );
  assert.deepEqual(inlineCodeRun(['`327756`', 'prose'], 0), []);
});
