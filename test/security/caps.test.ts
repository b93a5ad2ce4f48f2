// Item 7 of issue 18 (outside strace): files read whole have caps. A 600 MB notes.md, manifest or
// snapshots.json (sparse here: nothing is written) is one warning, and the analysis goes on; never
// "Cannot create a string longer than ...", exit 3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../helpers.js';

const BIN = resolve(ROOT, 'bin', 'fdleak.js');
const fdleak = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
const HUGE = 600 * 1024 * 1024;

function sparse(path: string, bytes: number): void {
  writeFileSync(path, '');
  truncateSync(path, bytes);
}

test('a 600 MB notes.md, manifest.json or snapshots.json: a warning each, the analysis as without them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-caps-'));
  try {
    const bundle = join(dir, 'bundle');
    cpSync(resolve(ROOT, 'samples', 'flume-redis-host'), bundle, { recursive: true });
    sparse(join(bundle, 'notes.md'), HUGE);
    sparse(join(bundle, 'manifest.json'), HUGE);
    writeFileSync(
      join(bundle, 'snapshots.json'),
      `{\n"schema": "fdleak/snapshots@1",\n"samples": [\n${' '.repeat(17 * 1024 * 1024)}\n]}\n`,
    );
    const r = fdleak(['analyze', bundle, '--json']);
    assert.equal(r.status, 1, r.stderr);
    const warnings: string[] = JSON.parse(r.stdout).sources.flatMap((s: { warnings: string[] }) => s.warnings);
    assert.ok(
      warnings.some((w) => /^notes\.md: .*cap for notes/.test(w)),
      warnings.join('\n'),
    );
    assert.ok(
      warnings.some((w) => /^manifest\.json: .*cap for a manifest/.test(w)),
      warnings.join('\n'),
    );
    // Its one 17 MB line meets the line reader's cap before the parser's own.
    assert.ok(
      warnings.some((w) => /^snapshots\.json(:\d+)?: .*(cap for snapshots|longer than \d+ bytes, cut there)/.test(w)),
      warnings.join('\n'),
    );
    const report = fdleak(['report', bundle, '--format', 'md', '--out', join(dir, 'out') + '/']);
    assert.equal(report.status, 0, report.stderr);
    const capture = fdleak(['notebook', 'capture', bundle, '--', 'true']);
    assert.equal(capture.status, 2, capture.stderr);
    assert.match(capture.stderr, /^fdleak: .*manifest\.json is \d+ bytes, over the \d+-byte cap/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
