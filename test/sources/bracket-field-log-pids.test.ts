// A bracketed `[pid: N]` field in a log prefix names the writer (accuracy round 137, on the real lines
// of tud-zih-energy/lo2s#137: test/accuracy/cases/gh-lo2s-perf-event-fds-emfile-log).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { syslogSource } from '../../src/sources/log-pids.js';
import { bracketFieldPid } from '../../src/sources/record-pids.js';
import { CASES_DIR } from '../accuracy/score.js';

const ERROR =
  '[54183772675114][pid: 6771][tid: 140057996973888][ERROR]: Failure while adding new process forked from 6995: Too many open files';
const FATAL = '[54184362171933][pid: 6771][tid: 140057996973888][FATAL]: Aborting: Too many open files';

test("lo2s's prefix: the `[pid: N]` field is the writer's pid, not the counter or the pthread handle", () => {
  assert.equal(bracketFieldPid(ERROR), 6771);
  assert.equal(bracketFieldPid(FATAL), 6771);
  assert.deepEqual(syslogSource(ERROR), { pid: 6771 });
  // lo2s#226's warning, the same writer.
  assert.equal(bracketFieldPid('[26714918794827][pid: 24900][tid: 24900][ WARN]: Failed to initialize x86_energy metrics: map::at'), 24900);
  // A `pid:` in the message, not in the prefix, is no writer's; nor a field after the message starts.
  assert.equal(bracketFieldPid('Failure while adding new process [pid: 6995]'), undefined);
  assert.equal(bracketFieldPid('[a][b][c][d][e][pid: 1]'), undefined);
  // Hostile: a long run of brackets stays cheap and unmatched.
  assert.equal(bracketFieldPid(`${'['.repeat(100_000)}pid: 1]`), undefined);
});

test('lo2s#137: its own log names pid 6771 as the process that ran out', async () => {
  const file = join(CASES_DIR, 'gh-lo2s-perf-event-fds-emfile-log', 'transcript.md');
  const { result } = await analyzeBundle(file, { now: new Date('2026-01-01T00:00:00Z') });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 6771);
});
