// libstdc++'s terminate report is a log of running out when its `what():` says so
// (src/sources/crash-reports.ts, read by app-log.ts). Real lines: xqms/rosmon#180
// (test/accuracy/cases/gh-rosmon-stderr-pipe-emfile-no-pid), a ROS launcher that aborts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cxxTerminateRanOut } from '../../src/sources/crash-reports.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const RAN_OUT = (l: string) => /too many open files/i.test(l);

const ROSMON = [
  "terminate called after throwing an instance of 'std::runtime_error'",
  '  what():  Could not create stderr pipe: Too many open files',
  'Aborted (core dumped)',
];

test("a C++ terminate report whose what() says it ran out, right under the handler's line", () => {
  assert.equal(cxxTerminateRanOut(ROSMON, RAN_OUT), true);
  // Another exception, or the what() line apart from the handler's line, is not one.
  assert.equal(cxxTerminateRanOut([ROSMON[0], '  what():  std::bad_alloc', ROSMON[2]], RAN_OUT), false);
  assert.equal(cxxTerminateRanOut([ROSMON[0], 'some other line', ROSMON[1]], RAN_OUT), false);
  assert.equal(cxxTerminateRanOut([ROSMON[1]], RAN_OUT), false);
});

test('rosmon#180 pasted as a fenced block: inconclusive, nobody blamed, the what() line quoted', async () => {
  const result = await analyzeTranscript(
    `rosmon stops:\n\n\`\`\`\n${ROSMON.join('\n')}\n\`\`\`\n`,
    'transcript.md',
    new Date('2026-01-01T00:00:00Z'),
  );
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /Could not create stderr pipe: Too many open files/);
});
