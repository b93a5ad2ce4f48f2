// Commands typed without prompts in a code block, each under the one value the one before it
// printed. Real lines: gh-tmux-1356-ulimit-inside-tmux-1024-outside-65535-negative
// (https://github.com/tmux/tmux/issues/1356: `ulimit -Sn `, `65535`, `ulimit -Hn`, ` 65535`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';

const commands = (lines: string[]) =>
  splitTranscript(lines).map((i) => [i.command, i.output.map((o) => o.text.trim()).filter((t) => t !== '')]);

test('tmux#1356: a fence of ulimit commands and their values is one output per command', () => {
  assert.deepEqual(commands(['```', 'ulimit -Sn ', '65535', 'ulimit -Hn', ' 65535', '```']), [
    ['ulimit -Sn', ['65535']],
    ['ulimit -Hn', ['65535']],
  ]);
  assert.deepEqual(commands(['```', 'ulimit -Hn', '1024', 'ulimit -Sn', '1024', '```']), [
    ['ulimit -Hn', ['1024']],
    ['ulimit -Sn', ['1024']],
  ]);
});

test('only under the one value of a command that prints one: other outputs keep their lines', () => {
  const items = commands(['```', 'cat notes.txt', '12', 'ulimit -n', '```']);
  assert.equal(items.length, 1);
  assert.equal(items[0][0], 'cat notes.txt');
});
