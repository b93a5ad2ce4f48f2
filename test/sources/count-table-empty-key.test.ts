// A `uniq -c` tally whose key column was empty on some lines (cromwell#3716: lsof's NAME column,
// `$9`, is empty on rows with fewer fields, so the tally holds `      2` with no key): that row is
// the count of empty lines, not a reason to read the whole table as no capture. Real lines:
// test/accuracy/cases/gh-cromwell-scala-lsof-name-tally-pipes-eventpoll.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countTable, emptyKeyRow } from '../../src/sources/count-table.js';
import { parseLines } from '../../src/sources/run.js';

const COMMAND = "awk ' { print $9 } ' < /tmp/lsof.out | cut -d '/' -f2 | sort | uniq -c | sort -nr";
const ROWS = [
  '  50277 pipe',
  '  25137 [eventpoll]',
  '  14242 cromwell-workflow-logs',
  '   1094 protocol:',
  '      2 etc',
  '      2',
  '      1 var',
];

test('a uniq -c row with an empty key is skipped, the table read', () => {
  assert.equal(emptyKeyRow('      2', COMMAND), true);
  assert.equal(emptyKeyRow('      2 etc', COMMAND), false);
  assert.ok(countTable.detect({ head: ROWS, name: 'x', command: COMMAND }) >= 0.9);
  const { artifact, warnings } = parseLines(countTable, ROWS, { command: COMMAND });
  assert.deepEqual(
    artifact.rows.map((r) => [r.count, r.key]),
    [
      [50277, 'pipe'],
      [25137, '[eventpoll]'],
      [14242, 'cromwell-workflow-logs'],
      [1094, 'protocol:'],
      [2, 'etc'],
      [1, 'var'],
    ],
  );
  assert.deepEqual(warnings, []);
});

test('without a uniq -c command, a bare number is no empty-key row', () => {
  assert.equal(emptyKeyRow('      2', 'wc -l'), false);
  assert.equal(emptyKeyRow('      2', undefined), false);
});
