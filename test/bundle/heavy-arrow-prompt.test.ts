// oh-my-zsh's heavy-arrow prompts (accuracy round 234), on the real line of VSCodeVim/Vim#2038:
// `•100% ➜ sudo lsof -n | cut -f1 -d' ' | uniq -c | sort -r | head`, a battery segment before the
// arrow, its tally of lsof rows by command below it; and the theme's folder and git segment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promptCommand } from '../../src/bundle/prompts.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { heavyArrowCommand } from '../../src/bundle/zsh-prompts.js';

const TALLY = "sudo lsof -n | cut -f1 -d' ' | uniq -c | sort -r | head";

test('segments before the arrow are part of the prompt', () => {
  assert.equal(promptCommand(`•100% ➜ ${TALLY}`), TALLY);
  assert.equal(
    promptCommand("(base) ➜ ~ lsof | grep Nick | cut -f 1 -d ' ' | sort | uniq -c"),
    "lsof | grep Nick | cut -f 1 -d ' ' | sort | uniq -c",
  );
});

test('robbyrussell`s folder and git segment, or the command right after the arrow', () => {
  assert.equal(heavyArrowCommand('➜  myproj git:(master) ✗ lsof -p 12 | wc -l'), 'lsof -p 12 | wc -l');
  assert.equal(heavyArrowCommand('➜  ~ ulimit -n'), 'ulimit -n');
  assert.equal(heavyArrowCommand('➜ lsof -p 12 | wc -l'), 'lsof -p 12 | wc -l');
});

test('an arrow in prose, or before no known command, is no prompt', () => {
  assert.equal(heavyArrowCommand('Settings ➜ Privacy ➜ Full Disk Access'), null);
  assert.equal(heavyArrowCommand('27 ➜ riak start'), null);
  assert.equal(heavyArrowCommand('one two three four ➜ lsof -p 1'), null);
  assert.equal(heavyArrowCommand('➜'), null);
});

test('the tally under the prompt is the command`s output', () => {
  const items = splitTranscript(['```bash', `•100% ➜ ${TALLY}`, '1312 nvim', ' 656 Google', ' 429 nvim', '```']);
  const tally = items.find((it) => it.command === TALLY);
  assert.ok(tally);
  assert.deepEqual(
    tally.output.map((o) => o.text.trim()).filter((t) => t !== '' && !t.startsWith('`')),
    ['1312 nvim', '656 Google', '429 nvim'],
  );
});
