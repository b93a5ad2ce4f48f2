// Headerless lsof rows of the BSD/macOS lsof's own TYPEs (PSXSEM, PSXSHM, KQUEUE, NPOLICY, systm)
// are lsof rows (src/sources/lsof.ts ROW). Real rows: QuarkChain/pyquarkchain#411
// (test/accuracy/cases/gh-pyquarkchain-pypy3-pytest-macos-lsof-pipe-psxsem-excerpt), a sample
// printed from inside pytest under PyPy 3 on macOS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const ROWS = [
  'pypy3   63155  dll  159     PIPE 0x60bc88493f1ee7d3    16384          ->0x60bc88493f1f0093',
  'pypy3   63155  dll  160     PIPE 0x60bc88493f1f0093    16384          ->0x60bc88493f1ee7d3',
  'pypy3   63155  dll  161r  PSXSEM                         0t0          /mp-3kf8shak',
  'pypy3   63155  dll  162r  PSXSEM                         0t0          /mp-7w1xhlq3',
  'pypy3   63155  dll  163r  PSXSEM                         0t0          /mp-4p58kng9',
];

test('pyquarkchain#411: five headerless macOS rows (PIPE, PSXSEM) are pypy3 63155 lsof rows, an excerpt', async () => {
  const result = await analyzeTranscript(`${ROWS.join('\n')}\n`, 'fds.txt', new Date('2026-01-01T00:00:00Z'), { folder: true });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 63155);
  // fd 163 open: at least 164 fds, over half macOS's usual 256.
  assert.match(result.summary ?? JSON.stringify(result.suspects[0]), /164/);
});
