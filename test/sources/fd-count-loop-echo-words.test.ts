// A per-process count loop whose echo puts words between the pid and the count, `echo $p: $(ls
// /proc/$p/fd | wc -l)` printing `11553: 15`: its lines read through the echo's words, as a
// printf's format is (src/sources/proc-fd-count-loop.ts loopFormat). Real lines: uWSGI's master and
// workers, captured here (test/accuracy/cases/uwsgi-filehandler-per-request-same-file).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loopFormat, loopRowText } from '../../src/sources/proc-fd-count-loop.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const LOOP = 'for p in 11553 11555 11556 11557 ; do echo $p: $(ls /proc/$p/fd | wc -l); done';

test("the echo's words around the pid and the count", () => {
  assert.deepEqual(loopFormat(LOOP), ['', ': ', '']);
  assert.equal(loopRowText('11553: 15', loopFormat(LOOP)), '11553 15');
  // A plain `$p $(…)` has no words: no format, the line reads as it is; two echoes, or another
  // expansion between, no format either.
  const plain = 'for pid in $(pgrep java); do echo "$pid $(ls /proc/$pid/fd | wc -l)"; done';
  assert.equal(loopFormat(plain), null);
  assert.equal(loopFormat('for p in 1 2; do echo -n "pid=$p fds="; echo $(ls /proc/$p/fd | wc -l); done'), null);
  assert.equal(loopFormat('for p in 1 2; do echo "$(cat /proc/$p/comm) $p: $(ls /proc/$p/fd | wc -l)"; done'), null);
});

test("each process's count is read", async () => {
  const block = ['```', `root@api-7:/srv/orders# ${LOOP}`, '11553: 15', '11555: 255', '11556: 238', '11557: 185', '```'];
  const r = await analyzeTranscript(`${block.join('\n')}\n`, 'transcript.md', new Date('2026-12-08T00:00:00Z'));
  const counts = new Map((r.processes ?? []).map((p) => [p.pid, p.fdCount]));
  assert.equal(counts.get(11553), 15);
  assert.equal(counts.get(11555), 255);
});
