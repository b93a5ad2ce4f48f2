// "Keep them closed" (issue 18): a seeded, time-boxed fuzz run over every parser of the registry and
// over the whole analysis of mutated bundles (test/security/fuzz/). No case may throw (the CLI's
// exit 3) or put NaN, Infinity or "Invalid Date" in an output. `npm run fuzz` runs longer
// (FUZZ_SECONDS, FUZZ_SEED); a failure prints the FUZZ_SEED/FUZZ_TARGET/FUZZ_CASE that replays it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARSERS } from '../../src/sources/registry.js';
import { describe, fuzz } from './fuzz/run.js';

const SEED = 18;
const SECONDS = Number(process.env.FUZZ_SUITE_SECONDS ?? 15);

test(`fuzz: every parser and the analysis of mutated bundles, seed ${SEED}, ${SECONDS} s`, async (t) => {
  const report = await fuzz({ seed: SEED, seconds: SECONDS });
  t.diagnostic(describe(report).split('\n').slice(0, 40).join('\n'));
  assert.deepEqual(report.failures.map((f) => f.target), [], describe(report));
  for (const name of [...PARSERS.map((p) => `parser ${p.id}`), 'analyze']) {
    assert.ok((report.cases[name] ?? 0) >= 20, `${name}: only ${report.cases[name] ?? 0} cases ran`);
  }
});
