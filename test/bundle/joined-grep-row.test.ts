// A mirror site's copy of a blog post joins `lsof | grep WORD` to the first row grep printed. Real
// lines: blog-miaokee-a-out-vmcore-deleted-df-zh (miaokee.com/1301310.html: `lsof | grep
// vmcorea.out 2610 root 3r …`) and zwzz.com.cn's copy of another post (`lsof | grep deletemysqld
// 2470 mysql 4u …`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitJoinedGrepRow } from '../../src/bundle/joined-grep-row.js';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { CASES_DIR } from '../accuracy/score.js';

const MIAOKEE = readFileSync(join(CASES_DIR, 'blog-miaokee-a-out-vmcore-deleted-df-zh', 'transcript.md'), 'utf8');

test("a grep pattern joined to its row: the command is lsof | grep vmcore, a.out's row its output", () => {
  const items = splitTranscript(MIAOKEE.split('\n'));
  const item = items.find((i) => i.command?.startsWith('lsof'));
  assert.equal(item?.command, 'lsof | grep vmcore');
  assert.deepEqual(
    item?.output.map((o) => o.text),
    ['a.out 2610 root 3r REG 8,2 941331144 1643779 /test/vmcore (deleted)'],
  );
});

test('the pattern is the longest head the row holds: delete in (deleted), mysqld the command', () => {
  assert.deepEqual(splitJoinedGrepRow('lsof | grep deletemysqld 2470 mysql 4u REG 253,1 0 523577 /var/tmp/ibfTeQFn (deleted)'), {
    command: 'lsof | grep delete',
    row: 'mysqld 2470 mysql 4u REG 253,1 0 523577 /var/tmp/ibfTeQFn (deleted)',
  });
});

test('a grep with nothing joined, or followed by no lsof row, is left alone', () => {
  assert.equal(splitJoinedGrepRow('lsof | grep vmcore'), null);
  assert.equal(splitJoinedGrepRow('lsof -p 2610 | grep deleted 2>/dev/null'), null);
  assert.equal(splitJoinedGrepRow('lsof | grep 2610 | wc -l'), null);
  assert.equal(splitJoinedGrepRow('ps aux | grep java 1234 root 3r REG x'), null);
});

test('a long joined word costs a bounded scan', () => {
  const word = 'x'.repeat(5000);
  assert.equal(splitJoinedGrepRow(`lsof | grep ${word} 1 root 3r REG 8,2 0 1 /y`), null);
});
