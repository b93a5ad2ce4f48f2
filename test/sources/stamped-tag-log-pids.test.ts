// `TIME prog[pid] LEVEL message`: the program and pid as syslog tags them, no colon after the tag,
// then the level (Python logging's `%(asctime)s %(name)s[%(process)d] %(levelname)s %(message)s`).
// Round 196's exporter died of EMFILE and was restarted: the log names the dead run's pid, which is
// the suspect, not the restarted process the paste counts
// (test/accuracy/cases/py-exportd-emfile-log-then-restart-count-4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource } from '../../src/sources/log-pids.js';
import { stampedTagSource } from '../../src/sources/record-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const ERROR =
  "2026-12-07 10:48:41,177 exportd[20100] ERROR export 253 failed: [Errno 24] Too many open files: '/tmp/acc196/exp/out-0253.csv'";

test('the tag before the level names the program and its pid', () => {
  assert.deepEqual(stampedTagSource(ERROR), { program: 'exportd', pid: 20100 });
  assert.deepEqual(stampedTagSource('2026-12-07T10:48:41.177Z exportd[20100]: WARNING: x'), { program: 'exportd', pid: 20100 });
  assert.deepEqual(syslogSource(ERROR), { program: 'exportd', pid: 20100 });
  // No level after the tag: an index in brackets (`fd[0] …`), not a pid.
  assert.equal(stampedTagSource('2026-12-07 10:48:41,177 fd[3] closed'), null);
  assert.equal(stampedTagSource('2026-12-07 10:48:41,177 exportd[0] ERROR x'), null);
  assert.equal(stampedTagSource('exportd[20100] ERROR x'), null);
});

test("the dead run's pid is the suspect, not the restarted process whose count is 4", async () => {
  const text = [
    '```',
    '$ tail -4 /tmp/acc196/exportd.log',
    '2026-12-07 10:48:41,177 exportd[20100] INFO export 252 written to /tmp/acc196/exp/out-0252.csv',
    ERROR,
    '2026-12-07 10:48:41,177 exportd[20100] CRITICAL giving up after 1 errors',
    '2026-12-07 10:48:41,340 exportd[20152] INFO started, 0 jobs queued',
    '$ pgrep -f exportd.py',
    '20152',
    '$ ls /proc/20152/fd | wc -l',
    '4',
    '```',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0].pid, 20100);
  assert.match(result.suspects[0].ranOut?.message ?? '', /Too many open files/);
  assert.ok(!result.suspects.some((s) => s.pid === 20152));
});
