// A log record whose writer set some of its words in inline code (`` `I0704` … too many open `files` ``):
// Markdown renders it without the backticks, and that is the record. Real lines: ginuerzh/gost#45
// (test/accuracy/cases/gh-gost-45-ps-row-glog-accept4-backticked-zh, accuracy round 187).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spannedRecord } from '../../src/bundle/code-spans.js';
import { splitParagraphs } from '../../src/bundle/transcript.js';

const LINE = '`I0704` 02:52:01.009138   26262 conn.go:79] accept tcp [::]:25: accept4: too many open `files`';
const RECORD = 'I0704 02:52:01.009138   26262 conn.go:79] accept tcp [::]:25: accept4: too many open files';

test('a timed record with words in code spans is the record Markdown renders', () => {
  assert.equal(spannedRecord(LINE), RECORD);
});

test('prose quoting code, a line that is one span, a record that never ran out, an unclosed span: none', () => {
  assert.equal(spannedRecord('`lsof | grep gost`'), undefined);
  assert.equal(spannedRecord('可以看到有很多`sock`和`IPv4`没有释放。'), undefined);
  assert.equal(spannedRecord('we get `too many open files` from `gost` after 48 hours'), undefined);
  assert.equal(spannedRecord('`I0704` 02:52:01.009138   26262 conn.go:79] accept tcp [::]:25: accepted'), undefined);
  assert.equal(spannedRecord('`I0704 02:52:01.009138   26262 conn.go:79] too many open files'), undefined);
  assert.equal(spannedRecord(RECORD), undefined);
});

test("the thread's comment reads the record as a line of output", () => {
  const items = splitParagraphs(['我的也出现这种情况了，你的解决没？', LINE, '']);
  assert.ok(items.some((it) => it.output.some((o) => o.text === RECORD)));
});
