// fd N open means N lower fds were open when it was handed out; bash's terminal on fd 255 is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

async function processOf(text: string, pid: number) {
  return ((await analyzeTranscript(text, 'transcript.md', now)).processes ?? []).find((p) => p.pid === pid);
}

test("bash's terminal on fd 255 is no count of the fds under it; any other fd 255 is", async () => {
  // The shell's fds of https://github.com/jcs/sdorfehs/pull/68, listed by its pid.
  const lines = readFileSync(join(CASES_DIR, 'gh-sdorfehs-devnull-inherited-by-shell', 'transcript.md'), 'utf8')
    .split('\n')
    .slice(18, 23);
  assert.match(lines[3], / 255 -> \/dev\/pts\/20$/);
  const shell = ['```', ' $ ls -l /proc/470913/fd', ...lines, '```'].join('\n');
  const bash = await processOf(shell, 470913);
  assert.equal(bash?.fdCount, 5);
  assert.equal(bash?.fdCountMeasure, 'at-least');
  const file = await processOf(shell.replace(' 255 -> /dev/pts/20', ' 255 -> /var/log/app.log'), 470913);
  assert.equal(file?.fdCount, 256);
});
