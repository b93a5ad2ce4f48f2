// A strace window in which the traced thread makes no fd says nothing of health: strace -p without
// -f followed the main thread of a process whose worker thread leaks. Real transcript: the round's
// captured case py-thumbq-worker-thread-files-strace-p-main-only-counts-head-cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTranscript } from '../analyze-transcript.js';

const CASE = join(process.cwd(), 'test/accuracy/cases/py-thumbq-worker-thread-files-strace-p-main-only-counts-head-cut/transcript.md');

test('no fd made by the traced thread: an info finding that names -f, not a pass', async () => {
  const text = readFileSync(CASE, 'utf8');
  const r = await analyzeTranscript(text, 'transcript.md');
  const f = r.findings.find((x) => x.id === 'leaking-thread');
  assert.ok(f, 'a leaking-thread finding');
  assert.equal(f.status, 'info');
  assert.match(f.detail, /made no fd/);
  assert.match(f.detail, /strace without -f follows one thread/);
});
