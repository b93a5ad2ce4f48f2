// bash's `\w \$` in a folder under home, `~/web $ `, on the lines of the captured case
// py-bundler-all-modules-at-once-ulimit-256-emfile-negative. The place-alone alternative took
// `~/web` for the prompt and `$ ulimit …` for the command, which no tool knows: no command read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promptCommand } from '../../src/bundle/prompts.js';

test('`~/web $ ` opens the command after the sign', () => {
  assert.equal(promptCommand('~/web $ ulimit -n 256; python3 bundle.py src/'), 'ulimit -n 256; python3 bundle.py src/');
  assert.equal(promptCommand("~/web $ find src -name '*.js' | wc -l"), "find src -name '*.js' | wc -l");
  assert.equal(promptCommand('~/src/app # lsof -p 1234 | wc -l'), 'lsof -p 1234 | wc -l');
  // The shapes it generalises still read: `~ $ `, `/ # `, `/proc/1075119/fd# `, and zsh's place alone.
  assert.equal(promptCommand('~ $ ulimit -n'), 'ulimit -n');
  assert.equal(promptCommand('/ # ls -l /proc/1/fd'), 'ls -l /proc/1/fd');
  assert.equal(promptCommand('~/src lsof -p 1234 | wc -l'), 'lsof -p 1234 | wc -l');
  // A path then a dollar in output, before no command this tool knows, is no prompt.
  assert.equal(promptCommand('~/web $ 4.99 total'), null);
});
