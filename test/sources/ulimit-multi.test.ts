// elastic/elasticsearch#87436: `ulimit -Sn -Hn` names the open-files limit twice; bash then prints
// each limit named in the `ulimit -a` row layout, one row a limit:
//   ulimit -Sn -Hn
//   open files                          (-n) 131071
//   open files                          (-n) 131071
// The command says what printed the rows, so two rows are read as surely as a whole table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARSERS } from '../../src/sources/registry.js';
import type { DetectInput } from '../../src/sources/parser.js';
import { parseLines } from '../../src/sources/run.js';
import { isMultiLimitUlimit, ulimit } from '../../src/sources/ulimit.js';

const LINES = ['open files                          (-n) 131071', 'open files                          (-n) 131071'];

function winner(input: DetectInput): string {
  const scores = PARSERS.map((p) => ({ id: p.id, score: p.detect(input) })).sort((a, b) => b.score - a.score);
  return scores[0].score > 0 ? scores[0].id : 'none';
}

test('the rows of a ulimit naming two limits are read as its rows', () => {
  assert.equal(winner({ head: LINES, name: 'out.txt', command: 'ulimit -Sn -Hn' }), 'ulimit');
  assert.equal(
    ulimit.detect({
      head: ['open files                      (-n) 1024', 'max user processes              (-u) 2059908'],
      name: 'out.txt',
      command: 'ulimit -n -u',
    }),
    0.9,
  );
  const u = parseLines(ulimit, LINES);
  assert.equal(u.artifact.openFiles?.soft, 131071);
});

test('a command naming one limit, or another shape of line, is not claimed this way', () => {
  assert.equal(isMultiLimitUlimit('ulimit -Sn -Hn'), true);
  assert.equal(isMultiLimitUlimit('ulimit -nu'), true);
  assert.equal(isMultiLimitUlimit('ulimit -Hn'), false);
  assert.equal(isMultiLimitUlimit('ulimit -a -n'), false);
  assert.equal(isMultiLimitUlimit('ulimit -n -Z'), false);
  assert.equal(isMultiLimitUlimit(undefined), false);
  assert.equal(ulimit.detect({ head: LINES, name: 'out.txt' }), 0);
  assert.equal(ulimit.detect({ head: LINES, name: 'out.txt', command: 'ulimit -Hn' }), 0);
  assert.equal(ulimit.detect({ head: [...LINES, 'Segmentation fault'], name: 'out.txt', command: 'ulimit -Sn -Hn' }), 0);
});

// rakshasa/rtorrent#621: under `$ ulimit -n` the reporter pasted bash's `-a` row of that limit,
//   open files                      (-n) 65535
// The command names the limit; the row says its value.
test('one open-files row of the -a layout under `ulimit -n` is that limit', () => {
  const row = 'open files                      (-n) 65535';
  assert.equal(winner({ head: [row], name: 'out.txt', command: 'ulimit -n' }), 'ulimit');
  assert.equal(parseLines(ulimit, [row]).artifact.openFiles?.soft, 65535);
  // Another limit's row, or the row without the command, is not claimed so.
  assert.equal(ulimit.detect({ head: ['max user processes              (-u) 2059908'], name: 'out.txt', command: 'ulimit -n' }), 0);
  assert.equal(ulimit.detect({ head: [row], name: 'out.txt' }), 0);
  assert.equal(ulimit.detect({ head: [row], name: 'out.txt', command: 'ulimit -u' }), 0);
});
