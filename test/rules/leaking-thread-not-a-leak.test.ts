// A thread's unclosed pattern of no known kind (weight 2) does not make a leak alone: the
// leaking-thread finding then points, as the inconclusive verdict does, and does not fail at high
// severity — a report that fails step 8 while saying the evidence does not add up contradicts
// itself. Real lines: the captured case perl-spawner-fdupfd-inherited-children.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTranscript } from '../analyze-transcript.js';
import { contradictions } from '../accuracy/consistency.js';

const CASE = join(process.cwd(), 'test/accuracy/cases/perl-spawner-fdupfd-inherited-children/transcript.md');

test('an inconclusive verdict: the leaking thread is named, not failed', async () => {
  const r = await analyzeTranscript(readFileSync(CASE, 'utf8'), 'transcript.md');
  assert.equal(r.verdict, 'inconclusive');
  const f = r.findings.find((x) => x.id === 'leaking-thread');
  assert.ok(f, 'a leaking-thread finding');
  assert.equal(f.status, 'info');
  assert.equal(f.severity, 'medium');
  assert.match(f.title, /creates fds it never closes/);
  assert.deepEqual(contradictions(r), []);
});
