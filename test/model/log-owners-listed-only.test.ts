// A pasted EMFILE line with no pid beside an fd capture that names no process either: the capture
// is of the process the bundle is about (known by that capture alone), and the line is that
// process's, as it is the only process whose fds the bundle shows. Real lines of
// gh-codex-desktop-macos-type-tally-243-spawn-emfile (openai/codex#39446).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

test('Codex Desktop: its spawn EMFILE line is the line of the process its type tally counts', async () => {
  const file = join(CASES_DIR, 'gh-codex-desktop-macos-type-tally-243-spawn-emfile', 'transcript.md');
  const { result } = await analyzeBundle(file, { now });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 1);
  assert.equal(result.suspects[0].pid, null);
  assert.equal(result.suspects[0].leak.kind, 'file');
  assert.match(result.suspects[0].ranOut?.message ?? '', /failed to spawn process: Too many open files \(os error 24\)/);
  assert.equal(result.unownedRanOut, undefined);
});

test('a process known by a pgrep lookup alone still gets no line by elimination', async () => {
  const text = [
    '```text',
    'failed to spawn process: Too many open files (os error 24)',
    '```',
    '',
    '```',
    '$ ls /proc/$(pgrep codex)/fd | wc -l',
    '243',
    '```',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.ok(result.suspects.every((s) => s.ranOut?.message === undefined));
  assert.match(result.unownedRanOut?.message ?? '', /failed to spawn process/);
});
