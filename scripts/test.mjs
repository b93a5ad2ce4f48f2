// `npm test`'s runner: every built test file, the longest first, so that they run beside the many
// short ones instead of after them (files run three at a time on two cores).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The files that take longest; the rest follow in path order. */
const LONGEST = ['report/story', 'collect/collect-e2e', 'security/linear-time', 'redact/corpus', 'security/shell-quote'];

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? testFiles(join(dir, d.name)) : d.name.endsWith('.test.js') ? [join(dir, d.name)] : [],
  );
}

const all = testFiles('dist/test').sort();
const first = LONGEST.map((f) => `dist/test/${f}.test.js`).filter((f) => all.includes(f));
const files = [...first, ...all.filter((f) => !first.includes(f))];
const run = spawnSync(process.execPath, ['--test', '--test-concurrency=3', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
