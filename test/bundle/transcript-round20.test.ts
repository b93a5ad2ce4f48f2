// Pastes from container-engine threads (accuracy round 20), their real lines:
// - moby/moby#27140: a RHEL/CentOS login shell's default prompt, `-bash-4.2$ ` (bash's `\s-\v\$`
//   with the login shell's argv[0], `-bash`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { promptCommand } from '../../src/bundle/prompts.js';

test("a login shell's `-bash-4.2$ ` prompt opens a command", () => {
  assert.equal(promptCommand('-bash-4.2$ sudo ls -l /proc/3359/fd|wc -l'), 'sudo ls -l /proc/3359/fd|wc -l');
  const items = splitTranscript([
    'Max open files            65536                65536                files',
    '-bash-4.2$ sudo ls -l /proc/3359/fd|wc -l',
    '65537',
  ]);
  const count = items.find((i) => i.command !== null);
  assert.equal(count?.command, 'sudo ls -l /proc/3359/fd|wc -l');
  assert.deepEqual(
    count?.output.map((o) => o.text),
    ['65537'],
  );
  // A line of output that merely starts with a dash is no prompt.
  assert.equal(promptCommand('-rw-r--r-- 1 root root 0 Jan  1 00:00 x'), null);
});
