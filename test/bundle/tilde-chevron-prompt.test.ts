// A zsh theme's place then chevron, `~ ❯ ` (accuracy round 251), on the real lines of
// machinezone/IXWebSocket#412: `ulimit -Hn` and `ulimit -Sn` with their values under that prompt.
// The place-alone alternative took `~` for the prompt and `❯ ulimit -Hn` for the command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promptCommand } from '../../src/bundle/prompts.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

test('`~ ❯ ` opens the command after the chevron', () => {
  assert.equal(promptCommand('~ ❯ ulimit -Hn'), 'ulimit -Hn');
  assert.equal(promptCommand('~ ❯ ulimit -Sn'), 'ulimit -Sn');
  // The place alone still opens a command (zsh's `~ `), and sorin's chevrons still do.
  assert.equal(promptCommand('~ lsof -p 1234 | wc -l'), 'lsof -p 1234 | wc -l');
  assert.equal(promptCommand('./~ ❯❯❯ lsof -p 1234 | wc -l'), 'lsof -p 1234 | wc -l');
  // A chevron in prose is no prompt: the words after it are no command this tool knows.
  assert.equal(promptCommand('Settings ❯ Advanced ❯ open the limits page'), null);
});

test('the values under `~ ❯ ulimit -Hn` / `-Sn` are those commands’ outputs', () => {
  const items = splitTranscript(['```', '~ ❯ ulimit -Hn', '524288', '~ ❯ ulimit -Sn', '1024', '```']);
  const hard = items.find((it) => it.command === 'ulimit -Hn');
  const soft = items.find((it) => it.command === 'ulimit -Sn');
  assert.ok(hard);
  assert.ok(soft);
  assert.deepEqual(
    soft.output.map((o) => o.text.trim()).filter((t) => t !== ''),
    ['1024'],
  );
});
