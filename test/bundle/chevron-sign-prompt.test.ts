// A one-line zsh theme whose sign is `»` after who, where and the git branch (accuracy round 138),
// on the real lines of microsoft/vscode#53965: `ps aux | grep 7389`, then `lsof -p 7389 | wc -l`
// and its count, each at `avecerek@avecerek ~/my_current_path ±avecerek_use-node-publisher⚡ » `.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promptCommand } from '../../src/bundle/prompts.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { chevronSignCommand } from '../../src/bundle/zsh-prompts.js';

const PROMPT = 'avecerek@avecerek ~/my_current_path ±avecerek_use-node-publisher⚡ » ';

test('the `»` sign opens a command this tool knows', () => {
  assert.equal(promptCommand(`${PROMPT}lsof -p 7389 | wc -l`), 'lsof -p 7389 | wc -l');
  assert.equal(promptCommand(`${PROMPT}ps aux | grep 7389`), 'ps aux | grep 7389');
  assert.equal(chevronSignCommand('» lsof | wc -l'), 'lsof | wc -l');
  assert.equal(promptCommand('~ » cat /proc/sys/fs/file-nr'), 'cat /proc/sys/fs/file-nr');
  // A `»` in prose is no prompt: the words after it are no command this tool knows.
  assert.equal(promptCommand('Settings » Advanced » open the file limits page'), null);
  assert.equal(chevronSignCommand('»'), null);
});

test('the count under a `»` prompt is the count of its command', () => {
  const items = splitTranscript([
    '```',
    `${PROMPT}ps aux | grep 7389`,
    'avecerek          7389  99.0  3.4  3745684 577324   ??  R     1:23PM  52:23.54 /Applications/Visual Studio Code.app/Contents/Frameworks/Code Helper.app/Contents/MacOS/Code Helper /Applications/Visual Studio Code.app/Contents/Resources/app/out/bootstrap --type=watcherService',
    `${PROMPT}lsof -p 7389 | wc -l`,
    '    8320',
    '```',
  ]);
  const count = items.find((it) => it.command === 'lsof -p 7389 | wc -l');
  assert.ok(count);
  assert.deepEqual(
    count.output.map((o) => o.text.trim()).filter((t) => t !== ''),
    ['8320'],
  );
});
