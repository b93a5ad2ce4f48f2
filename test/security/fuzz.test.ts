// "Keep them closed" (issue 18): a seeded, time-boxed fuzz run over every parser of the registry and
// over the whole analysis of mutated bundles (test/security/fuzz/). No case may throw (the CLI's
// exit 3) or put NaN, Infinity or "Invalid Date" in an output. `npm run fuzz` runs longer
// (FUZZ_SECONDS, FUZZ_SEED); a failure prints the FUZZ_SEED/FUZZ_TARGET/FUZZ_CASE that replays it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARSERS } from '../../src/sources/registry.js';
import { describe, fuzz } from './fuzz/run.js';

const SEED = 18;
/** Cases per target: the same ones on every machine, however busy (`npm run fuzz` runs for a time instead). */
const ROUNDS = Number(process.env.FUZZ_SUITE_ROUNDS ?? 20);

test(`fuzz: every parser and the analysis of mutated bundles, seed ${SEED}, ${ROUNDS} cases each`, async (t) => {
  const report = await fuzz({ seed: SEED, seconds: Infinity, rounds: ROUNDS });
  t.diagnostic(describe(report).split('\n').slice(0, 40).join('\n'));
  assert.deepEqual(
    report.failures.map((f) => f.target),
    [],
    describe(report),
  );
  for (const name of [...PARSERS.map((p) => `parser ${p.id}`), 'analyze']) {
    assert.equal(report.cases[name] ?? 0, ROUNDS, `${name}: ${report.cases[name] ?? 0} cases ran`);
  }
});
