// Round 67: a terminal paste where a command was stopped with Ctrl-C. The terminal echoes `^C` and
// the next prompt goes on the same line, so that line is a prompt and its command (moby#6318's
// `^Croot@docker-01:~ 2 # lsof 2>&1|grep docker.sock|wc -l`, whose exit-status prompt is not
// read; the lines below are of the same shape with a prompt fdleak reads).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { promptCommand } from '../../src/bundle/prompts.js';

test('`^C` then a prompt on one line: the command typed at that prompt', () => {
  assert.equal(promptCommand('^Croot@docker-01:~# lsof 2>&1|grep docker.sock|wc -l'), 'lsof 2>&1|grep docker.sock|wc -l');
  assert.equal(promptCommand('^Croot@radxa:~# ./stress.sh 2'), './stress.sh 2');
  // `^C` alone, or before output that is no prompt, is no command.
  assert.equal(promptCommand('^C'), null);
  assert.equal(promptCommand('^Cstrace: Process 9259 detached'), null);
});

test('counts typed after interrupted commands keep their outputs under them', () => {
  const items = splitTranscript([
    'root@docker-01:~# lsof 2>&1|grep docker.sock|wc -l',
    '35',
    'root@docker-01:~# docker events',
    '^Croot@docker-01:~# docker events',
    '^Croot@docker-01:~# lsof 2>&1|grep docker.sock|wc -l',
    '56',
    '^Croot@edison:~# ',
  ]).map((i) => [i.command, i.output.map((o) => o.text)]);
  assert.deepEqual(items, [
    ['lsof 2>&1|grep docker.sock|wc -l', ['35']],
    ['docker events', []],
    ['docker events', []],
    ['lsof 2>&1|grep docker.sock|wc -l', ['56']],
  ]);
});
