// A `uniq -c` tally of lsof rows per pid cut by `head` and pasted with an elision under it, then
// the paster's own notes in the same fence after a blank line (colbymchenry/codegraph#555, macOS,
// accuracy round 73). `uniq -c` prints no `...` and no blank line: the elision is no row, and a
// line that is no row after a blank one ends the tally instead of unmaking it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countTable, tallyLines } from '../../src/sources/count-table.js';
import { parseLines } from '../../src/sources/run.js';

const COMMAND = "lsof -n 2>/dev/null | awk '{print $2}' | sort | uniq -c | sort -nr | head -20";
const LINES = [
  '  61446 50283',
  '  52886 50731',
  '    578 4720',
  '    502 4693',
  '    424 60277',
  '    ...',
  '',
  'Process details:',
  'PID 50283:',
  'codegraph.js serve --mcp --path /Users/yuzhenchuan/code/food',
  'Open files: 61446',
  '',
  'PID 50731:',
];

test('an elision under the rows of a uniq -c is no row, and notes after a blank line end the tally', () => {
  assert.ok(countTable.detect({ head: LINES, name: 'x', command: COMMAND }) >= 0.9);
  const { artifact, warnings } = parseLines(countTable, LINES, { command: COMMAND });
  assert.deepEqual(
    artifact.rows.map((r) => [r.count, r.key]),
    [
      [61446, '50283'],
      [52886, '50731'],
      [578, '4720'],
      [502, '4693'],
      [424, '60277'],
    ],
  );
  assert.deepEqual(warnings, []);
});

test('rows after a blank line still count; without uniq -c the notes are read as before', () => {
  const split = ['  61446 50283', '', '  52886 50731'];
  assert.deepEqual(tallyLines(split, COMMAND), split);
  assert.equal(tallyLines(LINES, COMMAND).length, 7);
  assert.equal(tallyLines(LINES, 'cat counts.txt').length, LINES.length);
  assert.equal(countTable.detect({ head: LINES, name: 'x', command: 'cat counts.txt' }), 0);
});
