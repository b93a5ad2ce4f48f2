// The only process a bundle counts, with no signal of its own, is no candidate (docs/diagnosis.md:
// a candidate is a process some signal points at), but what would decide is its own captures, not
// a placeholder's. Real lines: cherokee/webserver#429 (one `can't identify protocol` row of pid
// 23020) and a two-process bundle where nothing is asked of either by pid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES_DIR } from './accuracy/score.js';
import { analyzeTranscript } from './analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const caseText = (id: string) => readFileSync(join(CASES_DIR, id, 'transcript.md'), 'utf8');

test('the only process counted, with no signal, is named with its own captures but blamed for nothing', async () => {
  const result = await analyzeTranscript(caseText('gh-cherokee-lsof-wrapped-sock-row-23020'), 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.summary, /The only process it counts, pid 23020 \(cherokee-\), shows no sign of a leak/);
  assert.match(result.summary, /the open-files limit of pid 23020 itself and whether the fd count of pid 23020 grows would decide\.$/);
  const commands = result.missing.map((m) => m.command);
  assert.ok(commands.includes('cat /proc/23020/limits > proc-23020-limits.txt'), commands.join('\n'));
  assert.ok(
    commands.some((c) => c.includes('ls /proc/23020/fd | wc -l')),
    commands.join('\n'),
  );
});

test('two processes counted and none with a signal: no process is singled out', async () => {
  const text = ['$ ls /proc/4100/fd | wc -l', '41', '$ ls /proc/4200/fd | wc -l', '37'].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.doesNotMatch(result.summary, /only process it counts/);
  assert.ok(!result.missing.some((m) => /\/proc\/(4100|4200)\/limits/.test(m.command)));
});
