// A per-pid tally of a host-wide lsof's inotify rows, and Go fsnotify's watcher failing. Real outputs:
// grafana/loki#1153 (gh-promtail-lsof-grep-inotify-uniq-per-pid: `312 promtail 4314` at the top of
// a node's tally) and grafana/loki#13809 (gh-promtail-inotify-lsof-thread-tally: `25550 promtail-
// 2965164` beside `error="filetarget.fsnotify.NewWatcher: too many open files"`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const TALLY = `sudo lsof | grep inotify | tr -s ' ' | cut -f1,2 -d" " | sort | uniq -c | sort`;

async function analyze(lines: string[]) {
  return analyzeTranscript(`${lines.join('\n')}\n`, 'transcript.md');
}

test('the pid with the most inotify rows of a host-wide lsof is the likeliest holder, and only a pointer: a thread repeats each row', async () => {
  const r = await analyze(['```', `$ ${TALLY}`, '     39 container 38751', '     78 kubelet 455304', '    312 promtail 4314', '```']);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 4314);
  const reason = r.suspects[0]?.reasons.find((x) => x.signal === 'inotify-instances');
  assert.equal(reason?.weight, 1);
  assert.match(reason?.statement ?? '', /^312 lsof rows are of inotify instances .*a thread may repeat a row\): the instances are fewer/);
  // Below the pile's weak bound no process is pointed at.
  const few = await analyze(['```', `$ ${TALLY}`, '      9 promtail 4314', '```']);
  assert.equal(few.suspects.length, 0);
});

test("Go fsnotify's watcher failing is a line about inotify: with such rows, still no leak", async () => {
  const r = (await analyzeBundle(join(CASES_DIR, 'gh-promtail-inotify-lsof-thread-tally', 'transcript.md'))).result;
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 2965164);
  const emfile = r.suspects[0]?.reasons.find((x) => x.signal === 'emfile-in-log');
  assert.equal(emfile?.weight, 1, 'inotify_init fails with EMFILE also when the user is out of instances');
  const kubectl = await analyze(['```', '$ kubectl logs -f web-0', 'failed to create fsnotify watcher: too many open files', '```']);
  assert.match(kubectl.summary, /about inotify.*max_user_instances/);
});
