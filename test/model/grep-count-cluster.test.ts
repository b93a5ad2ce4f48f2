// `grep -ic sock`: grep's -c inside a cluster of short options counts lines as `-c` alone does
// (42wim/matterircd#390). Real command: test/accuracy/cases/gh-matterircd-lsof-grep-ic-sock-protocol-tcp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpretCount } from '../../src/model/pipeline.js';
import { grepCounts } from '../../src/bundle/known-commands.js';

test('a cluster holding c, or --count, makes grep print a count', () => {
  assert.equal(grepCounts(['-ic', 'sock']), true);
  assert.equal(grepCounts(['-ci', 'sock']), true);
  assert.equal(grepCounts(['--count', 'sock']), true);
  assert.equal(grepCounts(['-c', 'sock']), true);
});

test("no c, an upper-case C (context), or c as -e's argument is no count", () => {
  assert.equal(grepCounts(['-i', 'sock']), false);
  assert.equal(grepCounts(['-C', '3', 'sock']), false);
  assert.equal(grepCounts(['-ec', 'x']), false);
  assert.equal(grepCounts(['sock', 'file.c']), false);
});

test("matterircd's `lsof -p `pidof matterircd` | grep -ic sock` counts the sock rows of that process", () => {
  const m = interpretCount('lsof -p `pidof matterircd` | grep -ic sock');
  assert.equal(m?.measure, 'lines');
  assert.equal(m?.name, 'matterircd');
  assert.deepEqual(m?.grep, ['sock']);
});
