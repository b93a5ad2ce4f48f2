// A count that held flat, then climbed without dropping to the end of the capture: the climb is read
// as a steady one (fd-growth 3), as it would be had the capture started where it began.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fixtureLines } from '../helpers.js';
import { parseLines } from '../../src/sources/run.js';
import { fdCountSamples } from '../../src/sources/fd-count-samples.js';
import { climbToEnd, growthOf } from '../../src/model/growth.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

// https://github.com/elastic/logstash/issues/4225 (comment of 2017-10-31)
const LOOP = 'while [ -z $FOO ]; do lsof -p 2098 | wc -l;sleep 1;done';

test('climbToEnd: the run that never drops to the last sample, and how far it ends above the samples before it', () => {
  assert.deepEqual(climbToEnd([320, 321, 318, 317, 317, 336, 343, 707]), { samples: 5, gained: 390, aboveEarlier: 386 });
  // A wobble it rose out of by a little: a climb, but only 10 above the earlier high.
  assert.deepEqual(climbToEnd([100, 300, 200, 220, 250, 310]), { samples: 4, gained: 110, aboveEarlier: 10 });
  // Near misses: it fell back from a higher count, it ends lower, it did not move.
  assert.equal(climbToEnd([500, 400, 300, 350, 400, 450]), null);
  assert.equal(climbToEnd([300, 350, 340]), null);
  assert.equal(climbToEnd([300, 300, 300]), null);
  assert.equal(climbToEnd([300]), null);
});

test('a long series of samples (hostile input) is read without spreading it onto the stack', () => {
  const totals = Array.from({ length: 300_000 }, (_, i) => (i < 299_990 ? 1000 - (i % 3) : 2000 + i));
  assert.deepEqual(climbToEnd(totals), { samples: 11, gained: 301_999 - 999, aboveEarlier: 301_999 - 1000 });
  const samples = totals.map((total, i) => ({ pid: 7, at: `+${i}s`, total, byKind: {}, ev: { file: 'x', line: i + 1 } }));
  assert.equal(growthOf(samples)?.flat, false);
});

test('lsof -p 2098 | wc -l once a second: flat near 318, then 317 to 707 never dropping to the end', () => {
  const samples = parseLines(fdCountSamples, fixtureLines('sources', 'fd-count-samples', 'lsof-p-sleep-loop.txt'), {
    command: LOOP,
  }).artifact.samples;
  const g = growthOf(samples);
  assert.equal(g?.monotonic, false);
  assert.deepEqual(g?.climbToEnd, { samples: 96, gained: 390, aboveEarlier: 386 });
});

test('a climb to the end of the capture is a steady climb: fd-growth 3, a leak', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-logstash-lsof-p-count-growing-close-wait', 'transcript.md'), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(result.verdict, 'leak');
  const growth = result.suspects[0].reasons.find((r) => r.signal === 'fd-growth');
  assert.equal(growth?.weight, 3);
  assert.match(growth?.statement ?? '', /over its last 96 samples it climbed from 317 to 707, never dropping, to the capture's end/);
});
