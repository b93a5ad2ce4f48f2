// A loop's counts pasted with the reporter's notes on some of them. Real lines:
// gh-alacritty-7983-lsof-count-loop-unix-stream-per-window
// (https://github.com/alacritty/alacritty/issues/7983: `while sleep 1; do lsof -p 17550 | grep -v
// mem | wc -l; done` → `31`, `38 <- new window`, `33 <- closed` …).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLines } from '../../src/sources/run.js';
import { fdCountSamples } from '../../src/sources/fd-count-samples.js';

const command = 'while sleep 1; do lsof -p 17550 | grep -v mem | wc -l; done';
const head = [
  '31',
  '31',
  '31',
  '... launched then closed a window captured logs of FDs attached',
  '32',
  '38 <- new window',
  '33 <- closed',
  '39 <- new window',
  '34 <- closed',
  '40 <- new window',
  '35 <- closed',
  '35',
  '35',
];

test('a count with a note after an arrow is still a sample of the loop', () => {
  assert.ok(fdCountSamples.detect({ head, name: 'transcript.md', command }) > 0.8);
  const { artifact } = parseLines(fdCountSamples, head, { command });
  assert.deepEqual(
    artifact.samples.map((s) => s.total),
    [31, 31, 31, 32, 38, 33, 39, 34, 40, 35, 35, 35],
  );
  assert.ok(artifact.samples.every((s) => s.pid === 17550 && s.rows === true));
});

test('a note needs its marker: a number followed by other numbers or words is no count', () => {
  const { artifact } = parseLines(fdCountSamples, ['31', '32 33', '34 closed', '35 # one more'], { command });
  assert.deepEqual(
    artifact.samples.map((s) => s.total),
    [31, 35],
  );
});
