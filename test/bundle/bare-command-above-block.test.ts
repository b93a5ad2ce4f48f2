// A command typed as a plain line above the fenced block of its output, no prompt (accuracy round
// 54, juanfont/headscale#132: the per-process count loop and `ps -ef |grep 8588 `, each a line of
// the text with its output fenced under it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { isBareCommand } from '../../src/bundle/known-commands.js';

const LOOP = 'for pid in /proc/[0-9]*; do printf "PID %6d has %4d FDs\\n" $(basename $pid) $(ls $pid/fd | wc -l); done';

test('a bare command line right above a fenced block is the command of that block', () => {
  const items = splitTranscript(['', LOOP, '```', 'PID   8588 has 1024 FDs', '```', '', 'ps -ef |grep 8588 ', '```', 'x', '```']);
  const loop = items.find((i) => i.command === LOOP);
  assert.deepEqual(
    loop?.output.map((o) => [o.text, o.line]),
    [['PID   8588 has 1024 FDs', 4]],
  );
  assert.equal(loop?.commandLine, 2);
  assert.ok(items.some((i) => i.command === 'ps -ef |grep 8588'));
});

test('prose is not a bare command: a sentence, a lone word, a line inside a paragraph, or no block under it', () => {
  assert.equal(isBareCommand('ps -ef |grep 8588 '), true);
  assert.equal(isBareCommand(LOOP), true);
  assert.equal(isBareCommand('cat /proc/sys/fs/file-nr'), true);
  // A sentence that starts with a command word: no option, pipe or path; or it ends as a sentence.
  assert.equal(isBareCommand('top shows the same'), false);
  assert.equal(isBareCommand('lsof -p 431 says:'), false);
  assert.equal(isBareCommand('ps shows it is still running.'), false);
  assert.equal(isBareCommand(`ls -l ${'/x'.repeat(1000)}`), false);
  // Not directly above a fence, or the second line of a paragraph: still prose.
  const cases = [
    ['ps -ef |grep 8588', '', '```', 'x', '```'],
    ['Here is what I ran', 'ps -ef |grep 8588', '```', 'x', '```'],
  ];
  for (const lines of cases) assert.ok(!splitTranscript(lines).some((i) => i.command === 'ps -ef |grep 8588'), lines.join(' / '));
});
