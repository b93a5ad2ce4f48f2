import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runToFile } from '../../src/collect/run.js';

function tmp(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-run-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('output beyond the size cap is cut and the command stopped', async (t) => {
  const out = join(tmp(t), 'yes.txt');
  const started = Date.now();
  const r = await runToFile({ argv: ['yes', 'fdleak'], outFile: out, timeoutMs: 10_000, maxBytes: 1000 });
  assert.equal(r.truncated, true);
  assert.equal(r.bytes, 1000);
  assert.equal(readFileSync(out).length, 1000);
  assert.equal(r.timedOut, false);
  assert.ok(Date.now() - started < 5000, 'stopped at the cap, not at the timeout');
});

test('a command past its timeout is stopped and flagged; what it printed is kept', async (t) => {
  const out = join(tmp(t), 'slow.txt');
  const r = await runToFile({ argv: ['sh', '-c', 'echo first; sleep 30'], outFile: out, timeoutMs: 300, maxBytes: 1000 });
  assert.equal(r.timedOut, true);
  assert.equal(r.signal, 'SIGTERM');
  assert.equal(readFileSync(out, 'utf8'), 'first\n');
});

test('exit status and stderr are reported; a missing program is a spawn error, not a crash', async (t) => {
  const dir = tmp(t);
  const r = await runToFile({ argv: ['ls', '/nonexistent-fdleak'], outFile: join(dir, 'ls.txt'), timeoutMs: 5000, maxBytes: 1000 });
  assert.notEqual(r.exitCode, 0);
  assert.match(r.stderr, /nonexistent-fdleak/);
  const gone = await runToFile({ argv: ['/nonexistent/tool'], outFile: join(dir, 'x.txt'), timeoutMs: 5000, maxBytes: 1000 });
  assert.match(gone.spawnError ?? '', /ENOENT/);
});
