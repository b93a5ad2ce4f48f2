// `lsof -p PID | grep -c pipe`: a count of the process's lsof rows of one kind, with nothing to show
// that its lsof printed each fd once (a thread may repeat a row). Real outputs: ewxrjk/rsbackup#83
// (gh-rsbackup-83-lsof-grep-c-pipe-137-systemd-run, `lsof -p 15081|grep -c pipe` = 137, typed
// there under the author's own `really` wrapper) and LearnBoost/cluster#106
// (gh-cluster-node-master-socketpair-unix-count-rising, `lsof -p 12598 | grep unix -c` climbing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

async function analyze(lines: string[]) {
  return analyzeTranscript(`${lines.join('\n')}\n`, 'transcript.md');
}

test("a process's lsof rows of one kind, counted by a grep, point at it and say the kind: rows, not fds", async () => {
  const r = await analyze(['```', 'rjk@araminta:~$ lsof -p 15081|grep -c pipe', '137', '```']);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 15081);
  assert.equal(r.suspects[0]?.leak?.kind, 'pipe');
  const reason = r.suspects[0]?.reasons.find((x) => x.signal === 'pipe-pile');
  assert.equal(reason?.weight, 1, 'how many fds the rows are is unknown: a pointer only');
  assert.match(reason?.statement ?? '', /^137 lsof rows are of pipes .*a thread may repeat a row: as many fds at most/);
  // Below the pile's weak bound the rows point at nobody.
  const few = await analyze(['```', '$ lsof -p 15081|grep -c pipe', '12', '```']);
  assert.equal(few.suspects.length, 0);
});

test('counted unix-socket rows of a leaking node master say its kind beside its EMFILE', async () => {
  const r = (await analyzeBundle(join(CASES_DIR, 'gh-cluster-node-master-socketpair-unix-count-rising', 'transcript.md'))).result;
  assert.equal(r.verdict, 'leak');
  assert.equal(r.suspects[0]?.pid, 12598);
  assert.equal(r.suspects[0]?.leak?.kind, 'socket-unix');
});
