// tud-zih-energy/lo2s#226: a `ulimit -a` its paster cut to the one line that mattered —
//   $ ulimit -a
//   [...]
//   open files                      (-n) 1024
// The command says what printed the lines, so one line of bash's layout is enough to read it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { PARSERS } from '../../src/sources/registry.js';
import type { DetectInput } from '../../src/sources/parser.js';
import { parseLines } from '../../src/sources/run.js';
import { ulimit } from '../../src/sources/ulimit.js';

const LINES = ['[...]', 'open files                      (-n) 1024'];

function winner(input: DetectInput): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect(input) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test('an elided ulimit -a is read when its command says ulimit -a', () => {
  assert.equal(winner({ head: LINES, name: 'out.txt', command: 'ulimit -a' }), 'ulimit');
  assert.equal(
    ulimit.detect({ head: [...LINES, '...', 'max user processes              (-u) 2059908'], name: 'out.txt', command: 'ulimit -Sa' }),
    0.9,
  );
  const u = parseLines(ulimit, LINES);
  assert.equal(u.artifact.openFiles?.soft, 1024);
  assert.equal(u.artifact.records, 1);
  assert.equal(u.warnings.length, 0);
});

test('without the command, or with a line of another shape, the cut lines are not claimed', () => {
  assert.equal(ulimit.detect({ head: LINES, name: 'out.txt' }), 0);
  assert.equal(ulimit.detect({ head: LINES, name: 'out.txt', command: 'ulimit -n' }), 0);
  assert.equal(ulimit.detect({ head: [...LINES, 'Segmentation fault'], name: 'out.txt', command: 'ulimit -a' }), 0);
  assert.equal(ulimit.detect({ head: ['open files                      (-n) 1024'], name: 'out.txt', command: 'ulimit -a' }), 0);
});

test('lo2s#226: the shell limit and a tracer that ran out silently show nobody, not health', async () => {
  const r = (await analyzeBundle(join(CASES_DIR, 'gh-lo2s-hidden-pipe-emfile-ulimit-1024', 'transcript.md'))).result;
  assert.equal(r.sources.find((x) => x.command === 'ulimit -a')?.kind, 'ulimit');
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects.length, 0);
});
