import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isLeadIn } from '../../src/bundle/lead-in.js';
import { splitParagraphs } from '../../src/bundle/transcript.js';
import { procFd } from '../../src/sources/proc-fd.js';

// lxc/lxc#1345: a sentence, the one row it leads into, and an elision, pasted without a fence.
const LXC = [
  'I\'m seeing my application crash after doing "many" attaches, on inspection, "/proc/<pid>/fd" is full of;',
  'lrwx------ 1 root root 64 Dec  8 17:53 987 -> /proc/10349/attr/current',
  '...',
];

test('a sentence ending in a colon or semicolon leads into the lines under it; output headings do not', () => {
  assert.ok(isLeadIn(LXC[0]));
  assert.ok(isLeadIn('Here is the output of lsof for the process:'));
  assert.ok(!isLeadIn('/proc/1234/fd:'), "ls -l's heading of a folder");
  assert.ok(!isLeadIn(LXC[1]));
  assert.ok(!isLeadIn('lrwx------ 1 root root 64 Dec  8 17:53 3 -> /var/log/a b:'), 'an fd row whose target ends in a colon');
  assert.ok(!isLeadIn('Jan 01 host app[1]: too many open files'), 'no colon at the end');
  assert.ok(!isLeadIn('2024-01-01 12:00:00 ERROR the pool failed with:'), 'a log record');
  assert.ok(!isLeadIn('Traceback (most recent call last):'));
  assert.ok(!isLeadIn('goroutine 1 [running]:'));
});

test('the paragraph under a lead-in sentence is its output alone, and reads as an fd listing with an elision', () => {
  const [item] = splitParagraphs(LXC);
  assert.deepEqual(
    item.output.map((o) => o.line),
    [2, 3],
  );
  assert.ok(procFd.detect({ head: item.output.map((o) => o.text), name: 'transcript.md' }) >= 0.9);
});
