// Bare fd counts printed by a shell loop that sleeps between them (fd-count-samples): the pace
// comes from `sleep N`, the pid from the command; growth reads the offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureLines } from '../helpers.js';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { fdCountSamples } from '../../src/sources/fd-count-samples.js';
import { growthOf } from '../../src/model/growth.js';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

// https://github.com/elastic/logstash/issues/4225 (comment of 2017-10-31)
const LOOP = 'while [ -z $FOO ]; do lsof -p 2098 | wc -l;sleep 1;done';

function winner(head: string[], command: string): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect({ head, name: 'transcript.md', command }) })).sort(
    (a, b) => b.score - a.score,
  );
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test('a loop of lsof -p PID | wc -l with sleep 1: samples of pid 2098 one second apart, rising', () => {
  const lines = fixtureLines('sources', 'fd-count-samples', 'lsof-p-sleep-loop.txt');
  assert.equal(winner(lines, LOOP), 'fd-count-samples');
  const r = parseLines(fdCountSamples, lines, { command: LOOP });
  const samples = r.artifact.samples;
  assert.equal(samples.length, 148);
  assert.deepEqual([samples[0].pid, samples[0].at, samples[0].total], [2098, '+0s', 320]);
  assert.deepEqual([samples.at(-1)?.at, samples.at(-1)?.total], ['+147s', 707]);
  // lsof's rows (cwd, txt and mem rows; per-thread repeats), not fds: said so on every sample.
  assert.ok(samples.every((s) => s.rows === true));
  assert.ok(
    parseLines(fdCountSamples, ['10', '12'], { command: 'while true; do ls /proc/7/fd | wc -l; sleep 1; done' }).artifact.samples.every(
      (s) => s.rows === undefined,
    ),
  );
  const g = growthOf(samples);
  assert.ok(g?.rising);
  assert.equal(g?.spanSeconds, 147);
});

test('the pace and the pid come only from a loop that sleeps and counts one process', () => {
  const counts = ['320', '321', '330'];
  // No sleep: no pace; a count of the whole host (no pid): not this reading.
  assert.notEqual(winner(counts, 'while true; do lsof -p 2098 | wc -l; done'), 'fd-count-samples');
  assert.notEqual(winner(counts, 'while true; do lsof | wc -l; sleep 5; done'), 'fd-count-samples');
  const r = parseLines(fdCountSamples, counts, { command: 'for i in 1 2 3; do ls /proc/77/fd | wc -l; sleep 10; done' });
  assert.deepEqual(
    r.artifact.samples.map((s) => [s.pid, s.at, s.total]),
    [
      [77, '+0s', 320],
      [77, '+10s', 321],
      [77, '+20s', 330],
    ],
  );
});

test("the timeline says what the loop counted: lsof's rows, not fds", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-logstash-lsof-p-count-growing-close-wait', 'transcript.md'), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
  const labels = result.timeline.map((e) => e.label);
  assert.ok(labels.includes('pid 2098: the first of 148 counts of its lsof rows'), labels.join('\n'));
  assert.ok(labels.includes('pid 2098: 387 more lsof rows than the first count'), labels.join('\n'));
});

test('whose count a loop prints: /proc/PID/fd, or lsof -p PID / -pPID in any segment, with a path or sudo before lsof', () => {
  const lines = ['320', '321', '323'];
  for (const [command, pid] of [
    ['while true; do lsof -p2098 | wc -l; sleep 1; done', 2098],
    ['while true; do sudo /usr/sbin/lsof -n -P -p 2098 | wc -l; sleep 5; done', 2098],
    ['for i in 1 2 3; do ls /proc/77/fd | wc -l; sleep 2; done', 77],
  ] as const) {
    const samples = parseLines(fdCountSamples, lines, { command }).artifact.samples;
    assert.deepEqual(
      samples.map((s) => s.pid),
      [pid, pid, pid],
      command,
    );
  }
  // No loop (no `do` segment), or a `-p` that is not lsof's: no pace, no pid.
  assert.equal(winner(lines, 'lsof -p 2098 | wc -l; sleep 1'), 'none');
  assert.equal(winner(lines, 'while true; do ps -p 2098 | wc -l; sleep 1; done'), 'none');
});
