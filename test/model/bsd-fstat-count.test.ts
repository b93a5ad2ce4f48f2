// OpenBSD's `fstat -p PID | wc -l` counts one process's fd lines (a header and its wd, root and
// text rows, then one line per fd): the count is that process's, and a log that says it ran out
// is the only counted process's. Real capture: syncthing/syncthing#5025
// (test/accuracy/cases/gh-syncthing-openbsd-fstat-count-at-class-limit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

test('the syncthing process fstat counted is the one whose accept ran out, not its monitor', async () => {
  const file = join(CASES_DIR, 'gh-syncthing-openbsd-fstat-count-at-class-limit', 'transcript.md');
  const { result } = await analyzeBundle(file, { now: new Date('2026-01-01T00:00:00Z') });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 13038);
  assert.ok(!result.suspects.some((s) => s.pid === 19093));
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /accept: too many open files/);
});
