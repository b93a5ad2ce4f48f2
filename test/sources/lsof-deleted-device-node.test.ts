// A device node removed while open — a USB device unplugged, udev deleting its /dev node — shows in
// lsof as a CHR row whose NAME ends `(deleted)`, as its `ls -l /proc/PID/fd` link does: a
// deleted-file, not a live device (src/sources/lsof-row-kind.ts, fd-kind.ts PATH_TYPES). Real rows:
// fwupd/fwupd#429, fwupd 0.9.7 keeping each unplugged Logitech receiver's hidraw node
// (test/accuracy/cases/gh-fwupd-429-lsof-grep-hidraw-deleted-chr).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';
import { lsofKind } from '../../src/sources/fd-kind.js';

const ROWS = [
  '% sudo lsof -p $(pidof fwupd) -n | grep hidraw',
  'fwupd 15027 root 16u CHR 246,6 0t0 83682527 /dev/hidraw6 (deleted)',
  'fwupd 15027 root 30u CHR 246,7 0t0 83769950 /dev/hidraw7 (deleted)',
  'fwupd 15027 root 31u CHR 246,11 0t0 83771266 /dev/hidraw11 (deleted)',
  'fwupd 15027 root 33u CHR 246,8 0t0 83778056 /dev/hidraw8 (deleted)',
  'fwupd 15027 root 34u CHR 246,13 0t0 83779740 /dev/hidraw13 (deleted)',
];

test('lsof CHR, BLK and FIFO rows of a node removed while open are deleted files', () => {
  assert.equal(lsofKind('CHR', '83682527', '/dev/hidraw6 (deleted)'), 'deleted-file');
  assert.equal(lsofKind('BLK', '358', '/dev/sdb1 (deleted)'), 'deleted-file');
  assert.equal(lsofKind('FIFO', '12', '/run/app/ctl.fifo (deleted)'), 'deleted-file');
  assert.equal(lsofKind('CHR', '358', '/dev/hidraw6'), 'device');
  assert.equal(lsofKind('FIFO', '7524723', 'pipe'), 'pipe');
  assert.equal(lsofKind('DIR', '2', '/srv/gone (deleted)'), 'deleted-file');
});

test("fwupd's unplugged hidraw nodes are its deleted files", async () => {
  const r = await analyzeTranscript(`\`\`\`\n${ROWS.join('\n')}\n\`\`\`\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  const s = r.suspects.find((x) => x.pid === 15027);
  assert.ok(s, 'pid 15027 is a suspect');
  assert.equal(s.leak.kind, 'deleted-file');
});

test('a live device node stays a device', async () => {
  const live = ROWS.map((l) => l.replace(' (deleted)', ''));
  const r = await analyzeTranscript(`\`\`\`\n${live.join('\n')}\n\`\`\`\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.notEqual(r.suspects.find((x) => x.pid === 15027)?.leak.kind, 'deleted-file');
});
