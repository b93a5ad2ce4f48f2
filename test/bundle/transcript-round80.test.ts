// Round 80: a prompt whose host word carries a bracketed tag (jicofo#561's redacted
// `root@xxx.xxx[xxx]:~ # `, as a PS1 showing an environment's name after the host does), before a
// command fdleak knows: that command, with its output under it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { promptCommand } from '../../src/bundle/prompts.js';

test('a host word with a bracketed tag, then the place and the sign: the command typed there', () => {
  assert.equal(
    promptCommand('root@xxx.xxx[xxx]:~ # date && lsof | wc -l && lsof | grep jicofo | wc -l'),
    'date && lsof | wc -l && lsof | grep jicofo | wc -l',
  );
  // Only before a command fdleak knows: an output line of that shape is no prompt.
  assert.equal(promptCommand('node[prod]:~ # something else'), null);
});

test('the counts typed at such prompts are read as commands, not as output of the one before', () => {
  const commands = splitTranscript([
    'root@xxx.xxx[xxx]:~ # date && lsof | wc -l && lsof | grep jicofo | wc -l',
    'vendredi 3 juillet 2020, 10:42:18 (UTC+0200)',
    '196182',
    '96862',
    'root@xxx.xxx[xxx]:~ # date && lsof | wc -l && lsof | grep jicofo | wc -l',
    'vendredi 3 juillet 2020, 10:43:37 (UTC+0200)',
    '193779',
    '96862',
  ])
    .map((i) => i.command)
    .filter((c) => c !== null);
  // Each prompt's chain of counts deals its lines in turn (chained-commands.ts): the date and the
  // first number are the timed host-wide count's, the second number the jicofo rows'.
  assert.deepEqual(commands, ['date && lsof | wc -l', 'lsof | grep jicofo | wc -l', 'date && lsof | wc -l', 'lsof | grep jicofo | wc -l']);
});
