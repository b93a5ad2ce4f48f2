// musl libc (Alpine images) spells EMFILE "No file descriptors available". Real line: nginx in
// hypothesis/h#6770 (test/accuracy/cases/gh-hypothesis-nginx-accept4-no-fds-available).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

async function analyzeText(text: string, name = 'transcript.md') {
  return analyzeTranscript(text, name, now);
}

test("nginx's `accept4() failed (24: No file descriptors available)` says the worker ran out", async () => {
  const result = await analyzeText('2021/07/08 12:43:00 [crit] 15#15: accept4() failed (24: No file descriptors available)\n', 'error.log');
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 15);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /No file descriptors available/);
});

test('the PR that pasted it, read whole: the worker is the suspect', async () => {
  const text = readFileSync(join(CASES_DIR, 'gh-hypothesis-nginx-accept4-no-fds-available', 'transcript.md'), 'utf8');
  const result = await analyzeText(text);
  assert.equal(result.suspects[0]?.pid, 15);
});
