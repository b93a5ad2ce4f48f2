// A listing pasted whole-looking but without fds 0-2, beside another listing of the same process
// that shows fds it lacks, is rows copied out of the table: its two rows are no count of the
// process's fds. Real lines: libvips/libvips#3768 (lsof | grep delete, then /proc/1346/fd).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';
import { contradictions } from '../accuracy/consistency.js';

const LSOF = [
  'lsof | grep delete',
  'image-xx  1346 11422 image-xx service   40u      REG             253,46 547345798     153605 /tmp/vips-48-1620176665.v (deleted)',
  'image-xx  1346 11422 image-xx service   41u      REG             253,46 547345798     153602 /tmp/vips-45-1163964295.v (deleted)',
  'image-xx  1346 11422 image-xx service   42u      REG             253,46 547345798     153603 /tmp/vips-46-2261230589.v (deleted)',
  'image-xx  1346 11422 image-xx service   43u      REG             253,46 547345798     153609 /tmp/vips-112-48929434.v (deleted)',
  'image-xx  1346 11422 image-xx service   44u      REG             253,46 547345798     153607 /tmp/vips-110-2445733788.v (deleted)',
  'image-xx  1346 11422 image-xx service   46u      REG             253,46 547345798     153612 /tmp/vips-118-2428124265.v (deleted)',
  'image-xx  1346 11422 image-xx service   48u      REG             253,46 547345798     153611 /tmp/vips-117-385983422.v (deleted)',
];
const PROC = [
  '/proc/1346/fd',
  "lrwx------ 1 service service 64 Nov 30 10:07 40 -> '/tmp/vips-48-1620176665.v (deleted)'",
  "lrwx------ 1 service service 64 Nov 30 10:07 41 -> '/tmp/vips-45-1163964295.v (deleted)'",
];

test('two /proc/PID/fd rows without stdio, beside lsof rows of fds they lack, count at least the fds shown', async () => {
  const r = await analyzeTranscript(['```', ...LSOF, '', ...PROC, '```'], 'transcript.md');
  const s = r.suspects.find((x) => x.pid === 1346);
  assert.ok(s, 'pid 1346 is a suspect');
  assert.equal(s.leak.kind, 'deleted-file');
  assert.notEqual(s.fdCountMeasure, 'fds', 'the two rows are no exact count');
  assert.ok((s.fdCount ?? 0) >= 7, `fd count ${s.fdCount}`);
  assert.deepEqual(contradictions(r), []);
});

test('the /proc/PID/fd rows alone: nothing else shows fds they lack, their count stays theirs', async () => {
  const r = await analyzeTranscript(['```', ...PROC, '```'], 'transcript.md');
  const p = r.processes?.find((x) => x.pid === 1346);
  assert.equal(p?.fdCount, 2);
  assert.equal(p?.fdCountMeasure, 'fds');
});
