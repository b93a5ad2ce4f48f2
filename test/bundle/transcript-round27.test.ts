// Prompts of zsh and of two-line themes (accuracy round 27), their real lines:
// - BrokkAi/brokk-app#1584: macOS's default zsh prompt, `user@host dir % `;
// - golang/go#76291: the second line of a two-line theme, `╰─~> `;
// - go-gitea/gitea#19463: root's bare `# ` prompt before a `while` loop of one count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { promptCommand } from '../../src/bundle/prompts.js';
import { afterBoxCorner, zshPercentCommand } from '../../src/bundle/zsh-prompts.js';
import { isCommandLine } from '../../src/bundle/known-commands.js';

test("macOS's zsh prompt `user@host dir % ` opens a command", () => {
  const line = 'shannah@Steves-MacBook-Pro .jdeploy % lsof -p 82164 | wc';
  assert.equal(zshPercentCommand(line), 'lsof -p 82164 | wc');
  assert.equal(promptCommand(line), 'lsof -p 82164 | wc');
  assert.equal(promptCommand('mbp% lsof -p 82164 | wc -l'), 'lsof -p 82164 | wc -l');
  const items = splitTranscript(['```', line, '  138479 1208071 17224124', '```']);
  const count = items.find((i) => i.command !== null);
  assert.equal(count?.command, 'lsof -p 82164 | wc');
  assert.deepEqual(
    count?.output.map((o) => o.text),
    ['  138479 1208071 17224124'],
  );
  // Output that reads like one is not, unless a known command follows.
  assert.equal(promptCommand('100% done in 3 s'), null);
});

test('the box corner of a two-line prompt opens a command', () => {
  const line = "╰─~> sudo lsof -n | cut -f1 -d' ' | sort | uniq -c | sort | tail";
  assert.equal(afterBoxCorner(line), "~> sudo lsof -n | cut -f1 -d' ' | sort | uniq -c | sort | tail");
  assert.equal(promptCommand(line), "sudo lsof -n | cut -f1 -d' ' | sort | uniq -c | sort | tail");
  assert.equal(promptCommand('└─$ ls -l /proc/42/fd | wc -l'), 'ls -l /proc/42/fd | wc -l');
  assert.equal(promptCommand('└──╼ $lsof -p 42'), 'lsof -p 42');
  // A tree drawn by a tool (`pstree`, `tree`) is output.
  assert.equal(promptCommand('└─ node_modules'), null);
  assert.equal(afterBoxCorner('tcp 0 0'), null);
});

test("root's `# ` before a `while` loop of a known count is a command, not a comment", () => {
  const line = '# while true; do lsof -p 2190433 | wc -l; sleep 1; done';
  assert.equal(promptCommand(line), 'while true; do lsof -p 2190433 | wc -l; sleep 1; done');
  assert.ok(isCommandLine('until false; do ls /proc/42/fd | wc -l; sleep 5; done'));
  const items = splitTranscript(['```', line, '25', '25', '510', '55', '```']);
  assert.equal(items.find((i) => i.command !== null)?.output.length, 4);
  // A comment that merely says "while … do" is still one.
  assert.equal(promptCommand('# while the build runs; do not restart the runner'), null);
});
