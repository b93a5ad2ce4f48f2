// A count that rose and then held flat over the capture's last samples, for at least half its time,
// well under its limit: a pool that warmed up, not growth (round 232).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLines } from '../../src/sources/run.js';
import { fdCountSamples } from '../../src/sources/fd-count-samples.js';
import { growthOf, levelledOff } from '../../src/model/growth.js';

// node-keepalive-pool-warms-up-then-flat-healthy: a keep-alive agent's pool of 48 filling up.
const POOL = [
  '14:17:50 23',
  '14:17:53 34',
  '14:17:57 47',
  '14:18:00 58',
  '14:18:03 67',
  '14:18:06 67',
  '14:18:09 67',
  '14:18:12 67',
  '14:18:15 67',
  '14:18:18 67',
];
const LOOP = 'for i in $(seq 10); do echo "$(date +%T) $(ls /proc/25262/fd | wc -l)"; sleep 3; done';

test('a keep-alive pool that warmed up: 23 -> 67, then 67 six times over 15 s of 28, is not rising', () => {
  const samples = parseLines(fdCountSamples, POOL, { command: LOOP }).artifact.samples;
  assert.equal(samples.length, 10);
  const g = growthOf(samples, 1024);
  assert.deepEqual(g?.levelled, { samples: 6, seconds: 15, level: 67 });
  assert.equal(g?.rising, false);
});

test('levelledOff: near misses stay growth', () => {
  const t = [0, 3, 7, 10, 13, 16, 19, 22, 25, 28];
  // A periodic job's staircase (node-rotator-periodic-job-staircase-date-count-pairs): its last flat run is short.
  assert.equal(levelledOff([56, 56, 74, 74, 74, 92, 92, 110, 110, 110], t, 1024), null);
  // Flat at the limit: a leak that ran out stops there.
  assert.equal(levelledOff([100, 400, 700, 1000, 1024, 1024, 1024, 1024, 1024, 1024], t, 1024), null);
  // Flat above half the usual default, its limit unknown.
  assert.equal(levelledOff([100, 300, 500, 600, 600, 600, 600, 600, 600, 600], t, null), null);
  // Only three flat samples.
  assert.equal(levelledOff([10, 20, 30, 40, 50, 60, 70, 80, 80, 80], t, 1024), null);
  // A fall back to a floor after a peak is no warm-up (and no rise).
  assert.equal(levelledOff([6, 300, 306, 6, 6, 6, 6, 6, 6, 6], t, 1024), null);
  // A wobble of a few fds on the plateau still holds.
  assert.deepEqual(levelledOff([20, 40, 60, 66, 67, 68, 67, 66, 67, 67], t, 1024), { samples: 7, seconds: 18, level: 67 });
});
