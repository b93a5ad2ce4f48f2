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

// gh-rpm-ostree-netstat-unix-listen-saved-count (coreos/rpm-ostree#725): `wc -l conns.txt` prints the
// file's name after the count; read back from `netstat -anp|grep rpm-ostree > conns.txt`.
test("a count with the counted file's name after it, under a `wc` (`148 conns.txt`)", () => {
  for (const command of ['wc -l conns.txt', 'netstat -anp|grep rpm-ostree | wc -l']) {
    assert.equal(winner({ head: ['148 conns.txt'], name: 'transcript.md', command }), 'line-count', command);
    const { artifact, warnings } = parseLines(lineCount, ['148 conns.txt'], { command });
    assert.equal(artifact.value, 148);
    assert.deepEqual(warnings, []);
  }
  // Not after `grep -c` (it prints no name), and never two numbers.
  assert.equal(lineCount.detect({ head: ['148 conns.txt'], name: 'out.txt', command: 'grep -c x conns.txt' }), 0);
  assert.equal(lineCount.detect({ head: ['148 2'], name: 'out.txt', command: 'wc -l conns.txt' }), 0);
});
