// `ls /proc/PID/fd` without -l: the fd numbers, counted, for the process of the folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { fdNames } from '../../src/sources/fd-names.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

// https://github.com/acassen/keepalived/issues/1673: the checker's fd folder after a few minutes of failing UDP checks.
const AFTER = [
  '0    105  112  12   127  134  141  149  156  163  170  178  185  192  2    206  213  220  228  235  242  25   257  264  271  279  286  293  30   307  38  45  52  6   67  74  81  89  96',
  '1    106  113  120  128  135  142  15   157  164  171  179  186  193  20   207  214  221  229  236  243  250  258  265  272  28   287  294  300  31   39  46  53  60  68  75  82  9   97',
];
const CD_LS = 'cd /proc/56081/fd && ls';

function best(head: string[], command?: string): string {
  return PARSERS.map((p) => ({ id: p.id, score: p.detect({ head, name: 'transcript.md', command }) })).sort((a, b) => b.score - a.score)[0]
    .id;
}

test('the names ls prints in an fd folder are counted, a label pasted after them skipped', () => {
  assert.equal(best(AFTER, CD_LS), 'fd-names');
  assert.equal(best(['0  1  2  3  4  5  6  7', '**After few minutes**'], CD_LS), 'fd-names');
  const got = parseLines(fdNames, [...AFTER, '**After few minutes**'], { file: 't.md', command: CD_LS });
  assert.equal(got.artifact.value, 78);
  assert.equal(got.artifact.command, CD_LS);
  assert.equal(got.warnings.length, 1);
  // ls -a lists . and .. as well (the count's reader takes them off); -F marks each link with @.
  assert.equal(parseLines(fdNames, ['.  ..  0@  1@  2@'], { file: 't.md', command: 'ls -aF /proc/1/fd' }).artifact.value, 5);
  // fish's command substitution, bare parentheses: `ls /proc/(pgrep sleep)/fd`.
  assert.equal(best(['0  1  2  9'], 'ls /proc/(pgrep sleep)/fd'), 'fd-names');
});

test('not names: a long listing, inode numbers, a pipe after ls, another folder', () => {
  assert.equal(fdNames.detect({ head: AFTER, name: 't', command: 'ls -l /proc/56081/fd' }), 0);
  assert.equal(fdNames.detect({ head: ['12 0  13 1'], name: 't', command: 'ls -i /proc/56081/fd' }), 0);
  assert.equal(fdNames.detect({ head: ['41'], name: 't', command: 'ls /proc/56081/fd | wc -l' }), 0);
  assert.equal(fdNames.detect({ head: ['1 2 3'], name: 't', command: 'ls /proc/56081/task' }), 0);
});

test('the same fd folder listed twice, 8 names then about 300: the count rose, for pid 56081', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-keepalived-udp-checker-ls-fd-before-after', 'transcript.md'), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(result.suspects[0]?.pid, 56081);
  const rose = result.suspects[0].reasons.find((r) => r.signal === 'fd-count-rose');
  // Our copy's five rows of the second ls hold 194 names; the first ls, 8.
  assert.equal(rose?.count, 194 - 8);
});
