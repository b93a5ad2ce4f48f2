// A count pasted with the writer's words after it. Real line: gh-moby-glassfish-lsof-grep-pid-
// thread-rows-negative (https://github.com/moby/moby/issues/32891: `lsof | grep 2127 | wc -l` →
// `474226 open file descriptors`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { lineCount } from '../../src/sources/line-count.js';
import type { DetectInput } from '../../src/sources/parser.js';

function winner(input: DetectInput): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect(input) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test('a count with words after it is the count, after a command that prints one', () => {
  const command = 'lsof | grep 2127 | wc -l';
  const head = ['474226 open file descriptors'];
  assert.equal(winner({ head, name: 'transcript.md', command }), 'line-count');
  const { artifact, warnings } = parseLines(lineCount, head, { command });
  assert.equal(artifact.value, 474226);
  assert.deepEqual(warnings, []);
});

test('not after a command that prints no count, and not a number followed by other numbers or paths', () => {
  assert.equal(lineCount.detect({ head: ['474226 open file descriptors'], name: 'out.txt', command: 'cat notes.txt' }), 0);
  assert.equal(lineCount.detect({ head: ['474226 open file descriptors'], name: 'out.txt' }), 0);
  assert.equal(lineCount.detect({ head: ['12 /proc/4242/fd 3'], name: 'out.txt', command: 'ls /proc/4242/fd | wc -l' }), 0);
});
