// bash's report in a script that a job died names the job's pid: the ran-out line right above it was
// that job's last words (src/sources/ran-out-shapes.ts scriptDeathPid, the claim in app-log.ts).
// Real lines: cvmfs_swissknife pull run by cvmfs_server from cron, cvmfs/cvmfs#3606
// (test/accuracy/cases/gh-cvmfs-swissknife-cron-makepipe-errno24).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scriptDeathPid } from '../../src/sources/ran-out-shapes.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const DEATH = '/usr/bin/cvmfs_server: line 7557: 3396963 Aborted                 (core dumped) ';
const BLOCK = [
  'We recently upgraded the backup Nebraska stratum 1 from EL7 to EL8, and some snapshots failed with errors like this:',
  '```',
  "terminate called after throwing an instance of 'ECvmfsException'",
  '  what():  PANIC: /builddir/build/BUILD/cvmfs-2.11.3/cvmfs/util/pipe.h : 214',
  'MakePipe failed with errno 24',
  DEATH,
  '$user_shell "$(__swissknife_cmd dbg) pull -m $name         -u $stratum0',
  '```',
];

test("the pid of bash's job report in a script", () => {
  assert.equal(scriptDeathPid(DEATH), 3396963);
  assert.equal(scriptDeathPid('./run.sh: line 3: 12345 Segmentation fault      (core dumped) ./srv'), 12345);
  // The shell's report without its `line N: PID` prefix, or a sentence about a crash: no pid.
  assert.equal(scriptDeathPid('Aborted (core dumped)'), undefined);
  assert.equal(scriptDeathPid('Killed process 4242 (java) total-vm:1234kB'), undefined);
  assert.equal(scriptDeathPid('./run.sh: line 3: 0 Killed ./srv'), undefined);
});

test('the error above the report is the dead job’s: it is the process that ran out', async () => {
  const r = await analyzeTranscript(`${BLOCK.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 3396963);
  assert.equal(r.suspects[0]?.ranOut?.message, 'MakePipe failed with errno 24');
});

test('an error further above, other lines between, is not the dead job’s', async () => {
  const lines = [...BLOCK.slice(0, 5), 'cleaning up the spool', 'done', ...BLOCK.slice(5)];
  const r = await analyzeTranscript(`${lines.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.ok(!r.suspects.some((s) => s.pid === 3396963));
});

// bash right-aligns the pid in five columns: a short pid follows more spaces. Real lines: the tile
// build in docker-valhalla's container, valhalla/valhalla#5148
// (test/accuracy/cases/gh-valhalla-build-tiles-linguistics-emfile-aborted).
const VALHALLA = [
  '```',
  "terminate called after throwing an instance of 'std::runtime_error'",
  '  what():  /custom_files/valhalla_tiles/linguistics_node.bin(open): Too many open files',
  '/valhalla/scripts/configure_valhalla.sh: line 228:    61 Aborted                 (core dumped) valhalla_build_tiles -c ${CONFIG_FILE} -e build ${files}',
  '```',
];

test('a pid bash padded to five columns', async () => {
  assert.equal(scriptDeathPid(VALHALLA[3]), 61);
  assert.equal(scriptDeathPid('d.sh: line 3:     2 Aborted                 sleep 5'), 2);
  // Six spaces are more than bash pads: no job report.
  assert.equal(scriptDeathPid('d.sh: line 3:      2 Aborted sleep 5'), undefined);
  const r = await analyzeTranscript(`${VALHALLA.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 61);
  assert.match(r.suspects[0]?.ranOut?.message ?? '', /Too many open files/);
});
