// A `cd` into a process's /proc folder typed without a prompt, and the `ls` typed under it
// (accuracy round 53), on the real lines of wazuh/wazuh-qa#3632: a block whose first command has
// a `#` prompt and whose next two were typed bare.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBareCdIntoProc, underSilentCd } from '../../src/bundle/prompt-dir.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

test('a bare cd into /proc/PID/fd is a command; the line under a silent cd is the next one', () => {
  assert.equal(isBareCdIntoProc('   cd /proc/40995/fd'), true);
  assert.equal(isBareCdIntoProc('cd /proc/41039/fd/'), true);
  assert.equal(isBareCdIntoProc('cd /opt/app'), false);
  assert.equal(isBareCdIntoProc('cd /proc/40995/fd && ls'), false);
  assert.equal(underSilentCd('cd /proc/40995/fd', 0), true);
  assert.equal(underSilentCd('cd /proc/40995/fd', 1), false);
  assert.equal(underSilentCd('ps aux | grep wazuh-db', 0), false);
  assert.equal(underSilentCd(null, 0), false);
});

test("wazuh-qa#3632: ps's row, then a bare cd and ls: the ls lists /proc/40995/fd", () => {
  const items = splitTranscript([
    '   ```',
    '   # ps aux | grep wazuh-db',
    '   wazuh      40995  1.4  0.1 771084 11748 ?        Sl   14:18   0:00 /var/ossec/bin/wazuh-db',
    '   cd /proc/40995/fd',
    '   ls ',
    '   0   12  16  2   23  ',
    '   1   13  17  20  24  ',
    '   10  14  18  21 ',
    '   11  15  19  22 ',
    '   ```',
  ]);
  assert.deepEqual(
    items.map((it) => [it.command, it.output.length]),
    [
      ['ps aux | grep wazuh-db', 1],
      ['cd /proc/40995/fd', 0],
      ['cd /proc/40995/fd && ls', 4],
    ],
  );
});

test("a script's cd into another folder, cat'ed, stays the script's lines", () => {
  const items = splitTranscript(['```', '$ cat start.sh', '#!/bin/sh', 'cd /opt/app', 'exec ./server', '```']);
  assert.equal(items.length, 1);
  assert.equal(items[0].output.length, 3);
});
