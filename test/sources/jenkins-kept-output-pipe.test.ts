// Jenkins's "Process leaked file descriptors." line: a build step's output pipe kept open by a
// process it started (stray-fd-report.ts, model/kept-output-pipes.ts). Real lines: spdk/spdk#973
// (jenkins.io's link) and babun/babun#506 (the old wiki's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { isKeptOutputPipeReport } from '../../src/sources/stray-fd-report.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

test("Jenkins's line, with either link and after the timestamper's time; not a sentence that quotes it", () => {
  assert.ok(
    isKeptOutputPipeReport(
      'Process leaked file descriptors. See https://jenkins.io/redirect/troubleshooting/process-leaked-file-descriptors for more information',
    ),
  );
  assert.ok(
    isKeptOutputPipeReport(
      'Process leaked file descriptors. See http://wiki.jenkins-ci.org/display/JENKINS/Spawning+processes+from+build for more information',
    ),
  );
  assert.ok(
    isKeptOutputPipeReport(
      '23:21:48 Process leaked file descriptors. See https://jenkins.io/redirect/troubleshooting/process-leaked-file-descriptors for more information',
    ),
  );
  assert.equal(isKeptOutputPipeReport('Jenkins says: Process leaked file descriptors. What does it mean?'), false);
  assert.equal(isKeptOutputPipeReport('Process leaked file descriptors'), false);
});

for (const id of ['gh-spdk-jenkins-process-leaked-file-descriptors', 'gh-babun-jenkins-process-leaked-file-descriptors']) {
  test(`${id}: inconclusive, nobody blamed, the step's kept pipe said with its line`, async () => {
    const { result } = await analyzeBundle(join(CASES_DIR, id, 'transcript.md'));
    assert.equal(result.verdict, 'inconclusive');
    assert.equal(result.suspects.length, 0);
    assert.match(
      result.summary,
      /Jenkins reports in transcript\.md that a build step's process exited while a process it started still held the step's output pipe/,
    );
  });
}
