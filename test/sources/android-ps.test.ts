// Android's ps (toybox, Android 8 and later), as `adb shell ps` prints it (accuracy round 29). Real
// lines: a public Android security walkthrough (`adb shell ps | grep "ALLSAFE"`, with its header)
// and an Android fd-troubleshooting blog (`adb shell ps | grep com.fenbi.android.servant`: the grep
// dropped the header).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ps } from '../../src/sources/ps.js';
import { parseLines } from '../../src/sources/run.js';

test("toybox ps's header (USER PID PPID VSZ RSS WCHAN ADDR S NAME) and its rows", () => {
  const lines = [
    'USER           PID  PPID     VSZ    RSS WCHAN            ADDR S NAME',
    'u0_a184       4700   319 13821972 135664 0                  0 S infosecadventures.allsafe',
  ];
  assert.ok(ps.detect({ head: lines, name: 'transcript.md', command: 'adb shell ps | grep "ALLSAFE"' }) >= 0.9);
  const { artifact, warnings } = parseLines(ps, lines);
  assert.deepEqual(warnings, []);
  assert.equal(artifact.processes.length, 1);
  const p = artifact.processes[0];
  assert.equal(p.pid, 4700);
  assert.equal(p.ppid, 319);
  assert.equal(p.user, 'u0_a184');
  assert.equal(p.command, 'infosecadventures.allsafe');
});

test("a toybox ps row a grep kept without its header is still a row (an app's package is its name)", () => {
  const row = 'u0_a588        1308    804 26451052 172980 0                  0 S com.fenbi.android.servant';
  assert.ok(ps.detect({ head: [row], name: 'transcript.md', command: 'adb shell ps | grep com.fenbi.android.servant' }) >= 0.9);
  const { artifact, warnings } = parseLines(ps, [row], { command: 'adb shell ps | grep com.fenbi.android.servant' });
  assert.deepEqual(warnings, []);
  assert.deepEqual(
    artifact.processes.map((p) => [p.pid, p.ppid, p.user, p.command]),
    [[1308, 804, 'u0_a588', 'com.fenbi.android.servant']],
  );
});
