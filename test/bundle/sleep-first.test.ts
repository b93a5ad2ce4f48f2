// A count typed again after a pause, `sleep 5; ls /proc/PID/fd | wc -l`, is the same count run
// again: sleep prints nothing. Real lines: test/accuracy/cases/bash-tailmon-procsubst-fd-per-check-
// sleep-counts-ls-tail (a bash checker's fds counted four times, three of them after `sleep 5;`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withoutSleepFirst } from '../../src/bundle/chained-commands.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const CASE = join(CASES_DIR, 'bash-tailmon-procsubst-fd-per-check-sleep-counts-ls-tail', 'transcript.md');

test('a sleep typed before a command is no part of what it prints', () => {
  assert.equal(withoutSleepFirst('sleep 5; ls /proc/2396/fd | wc -l'), 'ls /proc/2396/fd | wc -l');
  assert.equal(withoutSleepFirst('sleep 0.5 && lsof -p 42 | wc -l'), 'lsof -p 42 | wc -l');
  assert.equal(withoutSleepFirst('sleep 2m;ls /proc/1/fd | wc -l'), 'ls /proc/1/fd | wc -l');
  // Not a pause before a command: sleep alone, piped, or in a loop's body.
  assert.equal(withoutSleepFirst('sleep 5'), 'sleep 5');
  assert.equal(withoutSleepFirst('sleep 5 | cat'), 'sleep 5 | cat');
  assert.equal(
    withoutSleepFirst('while true; do sleep 1; ls /proc/1/fd | wc -l; done'),
    'while true; do sleep 1; ls /proc/1/fd | wc -l; done',
  );
  assert.equal(withoutSleepFirst(`sleep ${'9'.repeat(50)}; ls`), `sleep ${'9'.repeat(50)}; ls`);
});

test('the runs typed after `sleep 5;` are runs of the same count: four, 116 to 382', async () => {
  const items = splitTranscript(readFileSync(CASE, 'utf8').split('\n'));
  const counts = items.filter((i) => i.command === 'ls /proc/2396/fd | wc -l').map((i) => i.output.map((o) => o.text).join());
  assert.deepEqual(counts, ['116', '207', '298', '382']);
  const { result } = await analyzeBundle(CASE, { now: new Date('2026-12-08T00:00:00Z') });
  const s = result.suspects[0];
  assert.equal(result.verdict, 'leak');
  assert.equal(s?.pid, 2396);
  assert.equal(s?.leak?.kind, 'pipe');
  const rose = s?.reasons.find((r) => r.signal === 'fd-count-rose');
  assert.equal(rose?.weight, 3);
  assert.match(rose?.statement ?? '', /run 4 times, went from 116 to 382/);
});
