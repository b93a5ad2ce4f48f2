// strace -f prints no pid column until it traces a second task: the lines before the first fork are
// the traced process's own, the same thread as the `[pid 32588]` lines after it — not a thread 0.
// Real lines: test/accuracy/cases/ruby-io-popen-no-block-pipes-strace (captured here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

test("the lines before strace -f's first fork are the traced pid's: the child is forked by thread 32588", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'ruby-io-popen-no-block-pipes-strace', 'transcript.md'), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
  const race = result.findings.find((f) => f.id === 'cloexec-fork-race');
  const text = JSON.stringify(race);
  assert.match(text, /child 532 of thread 32588/);
  assert.doesNotMatch(text, /thread 0\b/);
});
