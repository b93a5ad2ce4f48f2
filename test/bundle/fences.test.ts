import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FENCE, FENCE_LINE } from '../../src/bundle/fences.js';

test('FENCE: a fence in a paste at any indent; a line of backticks closed on the same line is a code span', () => {
  assert.equal(FENCE.exec('```bash')?.[1], '```');
  assert.equal(FENCE.exec('      ~~~')?.[1], '~~~');
  assert.ok(FENCE.test('````'));
  // containerd#5670's command typed as one code span.
  assert.equal(FENCE.test('```$ find /proc/*/fd -lname anon_inode:inotify | wc -l```'), false);
  assert.equal(FENCE.test('`` ` ``'), false);
});

test("FENCE_LINE: CommonMark's fence, at most three blanks, the marker's whole run and its info", () => {
  assert.deepEqual(FENCE_LINE.exec('   ````text')?.slice(1), ['````', 'text']);
  assert.deepEqual(FENCE_LINE.exec('~~~')?.slice(1), ['~~~', '']);
  assert.equal(FENCE_LINE.exec('    ```'), null);
  assert.equal(FENCE_LINE.exec('``'), null);
});
