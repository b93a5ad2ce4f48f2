// A loop's dated, labelled fd counts (accuracy round 233). Real lines: servo/servo#23905, a
// WebDriver test loop printing `$(date): Run $i, (fds: N)` after each test run, the count
// climbing 22 fds a run toward Servo's 4096 limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fdCountSamples, labelledDateCount } from '../../src/sources/fd-count-samples.js';
import { UNNAMED_PID } from '../../src/sources/artifacts.js';

const LINES = [
  'Thu Aug 29 10:52:38 CDT 2019: Run 35, (fds: 891)',
  'Thu Aug 29 10:52:38 CDT 2019: Run 36, (fds: 913)',
  'Thu Aug 29 10:52:38 CDT 2019: Run 37, (fds: 935)',
  'Thu Aug 29 10:52:38 CDT 2019: Run 38, (fds: 957)',
  'Thu Aug 29 10:52:38 CDT 2019: Run 39, (fds: 979)',
  'Thu Aug 29 10:52:38 CDT 2019: Run 40, (fds: 1001)',
  'Thu Aug 29 10:52:38 CDT 2019: Run 41, (fds: 1023)',
];

test("the label's one fds field is the count, at date's time", () => {
  assert.deepEqual(labelledDateCount(LINES[0]), { at: '2019-08-29T10:52:38', count: 891 });
  assert.deepEqual(labelledDateCount('10:52:38 Run 35, (fds: 891)'), { at: '10:52:38', count: 891 });
  // Two counts in a label, or none, are no sample; nor is a field of another name (max_fds).
  assert.equal(labelledDateCount('Thu Aug 29 10:52:38 CDT 2019: parent fds: 891, child fds: 12'), undefined);
  assert.equal(labelledDateCount('Thu Aug 29 10:52:38 CDT 2019: Run 35, (pages: 891)'), undefined);
  assert.equal(labelledDateCount('Thu Aug 29 10:52:38 CDT 2019: open_fds=11 max_fds=1024'), undefined);
  // A log line with no stamp first (dask's SystemMonitor repr) is none.
  assert.equal(labelledDateCount('<SystemMonitor: cpu: 120 memory: 319 MB fds: 4037>'), undefined);
});

test('the loop lines are timed counts of an unnamed process, in order', () => {
  assert.ok(fdCountSamples.detect({ head: LINES, name: 'transcript.md' }) >= 0.8);
  const warnings: string[] = [];
  const sink = fdCountSamples.sink({ file: 'transcript.md', warn: (_n, m) => warnings.push(m) });
  for (const [i, l] of LINES.entries()) sink.line(l, i + 1);
  const out = sink.end();
  assert.deepEqual(
    out.samples.map((s) => s.total),
    [891, 913, 935, 957, 979, 1001, 1023],
  );
  assert.ok(out.samples.every((s) => s.pid === UNNAMED_PID && s.at === '2019-08-29T10:52:38'));
  assert.equal(warnings.length, 1, 'says the counts name no process');
});
