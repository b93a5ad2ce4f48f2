// A `uniq -c` tally pasted under a line the paster typed (go-ethereum#22356: the command, then
// "result after just a few minutes:", then the rows): the caption is no row and no reason to drop
// the table; only above the first row, only when the command says it is a `uniq -c`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countTable } from '../../src/sources/count-table.js';
import { parseLines } from '../../src/sources/run.js';

const COMMAND = "lsof | awk '{ print $2; }' | uniq -c | sort -rn | head";
const ROWS = [
  'result after just a few minutes:',
  '',
  '3272620 1305177 (GETH process running under a SCREEN)',
  '    413 860065',
  '    413 859743',
];

test('a caption above the rows of a uniq -c is read as no row', () => {
  assert.ok(countTable.detect({ head: ROWS, name: 'x', command: COMMAND }) >= 0.9);
  const { artifact, warnings } = parseLines(countTable, ROWS, { command: COMMAND });
  assert.deepEqual(
    artifact.rows.map((r) => [r.count, r.key]),
    [
      [3272620, '1305177 (GETH process running under a SCREEN)'],
      [413, '860065'],
      [413, '859743'],
    ],
  );
  assert.deepEqual(warnings, []);
});

test('without a uniq -c command, a caption line is no count table', () => {
  assert.equal(countTable.detect({ head: ROWS, name: 'x' }), 0);
});
