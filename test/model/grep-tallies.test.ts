// lsof rows of one kind tallied per pid. Real lines: gh-gunicorn-deleted-tally-master-and-workers
// (https://github.com/benoitc/gunicorn/issues/2061: `lsof -c gunicorn | egrep "deleted" | awk
// {'print $2 '}  | sort | uniq -c | sort -n` → `24 29761`, `16 29766` …).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { grepTallyPerPid } from '../../src/model/kind-tallies.js';
import { interpretCount } from '../../src/model/pipeline.js';
import { ref } from '../../src/types.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const row = (count: number, key: string) => ({ count, key, ev: ref('t.md', 1) });
const GUNICORN = `lsof -c gunicorn | egrep "deleted" | awk {'print $2 '}  | sort | uniq -c | sort -n`;

test('a tally by pid of the rows a grep picked gives each pid its count of that kind', () => {
  const tally = grepTallyPerPid(interpretCount(GUNICORN), [row(16, '29766'), row(16, '29767'), row(24, '29761')]);
  assert.deepEqual(
    tally.map((t) => [t.pid, t.count, t.grep]),
    [
      [29766, 16, ['deleted']],
      [29767, 16, ['deleted']],
      [29761, 24, ['deleted']],
    ],
  );
});

test('no kind of its own: a tally of every row, of a process grep, of grep -v, or by another column', () => {
  const rows = [row(22116, '2220'), row(3146, '2360')];
  // gh-linux-inspect-host-lsof-pid-tally-thread-rows: every row of each pid.
  assert.deepEqual(grepTallyPerPid(interpretCount("lsof | awk '{ print $2; }' | sort -rn | uniq -c | sort -rn | head"), rows), []);
  // `grep java` picks the process, not a kind of row.
  assert.deepEqual(grepTallyPerPid(interpretCount("lsof | grep java | awk '{print $2}' | sort | uniq -c"), rows), []);
  assert.deepEqual(grepTallyPerPid(interpretCount("lsof | grep -v mem | awk '{print $2}' | sort | uniq -c"), rows), []);
  assert.deepEqual(grepTallyPerPid(interpretCount("lsof | grep deleted | awk '{print $1}' | sort | uniq -c"), [row(24, 'gunicorn')]), []);
});

test('a pid under several thread names keeps its fewest rows', () => {
  const command = "lsof | grep CLOSE_WAIT | awk '{print $1, $2}' | sort | uniq -c";
  const tally = grepTallyPerPid(interpretCount(command), [row(300, 'java 4242'), row(100, 'C2 4242')]);
  assert.deepEqual(
    tally.map((t) => [t.pid, t.count]),
    [[4242, 100]],
  );
});

test('the case: the master 29761 holding 24 deleted files comes first, a leak of deleted files', async () => {
  const text = readFileSync(join(CASES_DIR, 'gh-gunicorn-deleted-tally-master-and-workers', 'transcript.md'), 'utf8');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, 29761);
  assert.equal(result.suspects[0]?.leak.kind, 'deleted-file');
  assert.ok(result.suspects.slice(1).every((s) => s.pid !== 29761));
});

// grafana/loki#13809 and #1153: `tr -s ' '` squeezes lsof's padding, so cut's fields 1 and 2 are
// its COMMAND and PID, the table's key `promtail- 2965164`.
test('cut\'s field list keys a tally by every field it keeps: `cut -f1,2 -d" "` is command and pid', () => {
  const promtail = `sudo lsof | grep inotify | tr -s ' ' | cut -f1,2 -d" " | sort | uniq -c | sort`;
  assert.equal(interpretCount(promtail)?.key, 'command pid');
  assert.deepEqual(
    grepTallyPerPid(interpretCount(promtail), [row(25550, 'promtail- 2965164')]).map((t) => [t.pid, t.count, t.grep]),
    [[2965164, 25550, ['inotify']]],
  );
  assert.equal(interpretCount("lsof | tr -s ' ' | cut -d ' ' -f 1-2 | sort | uniq -c")?.key, 'command pid');
  assert.equal(interpretCount("lsof | tr -s ' ' | cut --fields=2 -d' ' | sort | uniq -c")?.key, 'pid');
  // A range open at its end keeps fields no name says: no key.
  assert.equal(interpretCount("lsof | tr -s ' ' | cut -f2- -d' ' | sort | uniq -c")?.key, undefined);
});

test('the loki#13809 case: the only process of the tally is the one whose watcher ran out', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-promtail-inotify-lsof-thread-tally', 'transcript.md'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 2965164);
});
