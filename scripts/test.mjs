// `npm test`'s runner. The files that take long (Chromium, the CLI spawned, the whole corpus) run
// each in a process of its own, the longest first, three at a time on two cores; the unit tests
// run together in one more (scripts/unit-tests.mjs), which saves them ~90 starts of Node and of
// the modules they load: half of their CPU time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The files that run in a process of their own, longest first. */
const OWN_PROCESS = [
  'report/story',
  'collect/collect-e2e',
  'redact/corpus',
  'security/linear-time',
  'security/shell-quote',
  'security/cli-edges',
  'report/browser',
  'security/hostile-report',
  'redact/cli',
  'report/review-layout',
  'redact/collect',
  'diff/browser',
  'accuracy/accuracy',
  'diff/cli',
  'security/signals',
  'security/fuzz',
  'security/terminal',
  'e2e/cli',
].map((f) => `dist/test/${f}.test.js`);

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? testFiles(join(dir, d.name)) : d.name.endsWith('.test.js') ? [join(dir, d.name)] : [],
  );
}

const missing = OWN_PROCESS.filter((f) => !existsSync(f));
if (missing.length) {
  console.error(`scripts/test.mjs: no such test file: ${missing.join(', ')}`);
  process.exit(2);
}
const units = testFiles('dist/test')
  .sort()
  .filter((f) => !OWN_PROCESS.includes(f));
const [longest, ...rest] = OWN_PROCESS;
// No test reaches a network, so Node need not read the machine's extra CA certificates at each of
// the suite's ~400 starts (NODE_EXTRA_CA_CERTS costs every start ~40 ms of CPU).
const { NODE_EXTRA_CA_CERTS: _certs, ...env } = process.env;
const run = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=3', '--test-reporter=spec', longest, 'scripts/unit-tests.mjs', ...rest],
  { stdio: 'inherit', env: { ...env, FDLEAK_UNIT_TESTS: units.join('\n') } },
);
process.exit(run.status ?? 1);
