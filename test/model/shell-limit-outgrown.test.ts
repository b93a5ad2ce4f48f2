// A shell's `ulimit -n`, assumed for a process whose limit the bundle does not show, is not its
// limit once the process holds more fds than that: the kernel hands out no fd at or above the soft
// limit (vitessio/arewefastyet#253: 1,031 fds beside the shell's 1,024).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisResult } from '../../src/result.js';
import { analyzeTranscript } from '../analyze-transcript.js';

async function analyzeText(lines: string[]): Promise<AnalysisResult> {
  return analyzeTranscript(`${lines.join('\n')}\n`, 'session.txt');
}

const LOG = '2021/06/18 08:27:39 http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in 1s';

test("a count above the shell's ulimit -n sets that limit aside: no 100.7% of it, its limit unknown", async () => {
  const r = await analyzeText([
    LOG,
    '(benchmark) root@server:~# ulimit -n',
    '1024',
    '(benchmark) root@server:~# ls /proc/3034214/fd/ | wc -l',
    '1031',
  ]);
  assert.equal(r.verdict, 'inconclusive');
  const s = r.suspects[0];
  assert.equal(s.pid, 3034214);
  assert.equal(s.fdLimit, null);
  const ids = s.reasons.map((x) => x.signal);
  assert.ok(!ids.includes('at-fd-limit'), ids.join(','));
  const unexplained = s.reasons.find((x) => x.signal === 'fds-unexplained');
  assert.match(unexplained?.statement ?? '', /above the usual default soft limit of 1,024: it holds more than that/);
});

test("a count under the shell's limit is still weighed against it", async () => {
  const r = await analyzeText([LOG, '$ ulimit -n', '1024', '$ ls /proc/3034214/fd/ | wc -l', '1020']);
  const s = r.suspects[0];
  assert.equal(s.fdLimit, 1024);
  assert.ok(s.reasons.some((x) => x.signal === 'at-fd-limit'));
});
