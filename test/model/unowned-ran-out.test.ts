// "Too many open files" lines that no join ties to a process (no pid, no tag, no command that
// started the program, no process in the bundle): nobody is blamed, but the result still says
// where fds ran out, in `unownedRanOut` and in the summary's "Ran out of fds" row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import type { AnalysisResult } from '../../src/result.js';

const now = new Date('2026-01-01T00:00:00Z');

async function analyzeText(lines: string[]): Promise<AnalysisResult> {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-unowned-'));
  const file = join(dir, 'session.txt');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return (await analyzeBundle(file, { now })).result;
}

// linuxep/lepd#6: lepd's trace of its built-in mpstat, then the error; no pid, no tag.
const LEPD = ['func: mpstat', 'para:-P', 'para:ALL', 'para:1', 'para:1', 'para:(null)', 'Cannot open /proc/stat: Too many open files'];

test('an exhaustion line no process can be tied to: no suspect, and the result says where fds ran out', async () => {
  const r = await analyzeText(LEPD);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
  assert.equal(r.unownedRanOut?.message, 'Cannot open /proc/stat: Too many open files');
  assert.equal(r.unownedRanOut?.evidence[0].line, 7);
  assert.match(r.unownedRanOut?.statement ?? '', /nothing in the bundle ties the line to a process/);
});

test("a line its own process carries is that suspect's ranOut, not an unowned one", async () => {
  const r = await analyzeText(['Dec 01 10:00:01 host myapp[2211]: accept4: too many open files']);
  assert.equal(r.suspects[0]?.pid, 2211);
  assert.match(r.suspects[0]?.ranOut?.message ?? '', /too many open files/);
  assert.equal(r.unownedRanOut, undefined);
});
