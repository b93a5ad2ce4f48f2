// A log record set in italics in an issue (`_…_`: Markdown hides the delimiters) is the record;
// italic prose is not. Real line: test/accuracy/cases/gh-ejabberd-listener-failed-tcp-accept-emfile-atom
// (processone/ejabberd#1112).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emphasizedRecord } from '../../src/bundle/code-spans.js';
import { splitParagraphs } from '../../src/bundle/transcript.js';

const RECORD = '2016-05-09 13:22:45.901 [error] <0.397.0>@ejabberd_listener:accept:317 (#Port<0.4197>) Failed TCP accept: emfile';

test('a line that is one emphasis span holding a timed record is that record', () => {
  assert.equal(emphasizedRecord(`_${RECORD}_`), RECORD);
  assert.equal(emphasizedRecord(`**${RECORD}**`), RECORD);
  assert.equal(emphasizedRecord(`*${RECORD}*`), RECORD);
});

test('italic prose, a half-emphasized line or a plain record is no emphasized record', () => {
  assert.equal(emphasizedRecord('_I think that the file descriptors are high enough_'), undefined);
  assert.equal(emphasizedRecord(`_${RECORD}`), undefined);
  assert.equal(emphasizedRecord(RECORD), undefined);
  assert.equal(emphasizedRecord('_ 2016-05-09 13:22:45.901 x_'), undefined);
  assert.equal(emphasizedRecord('__'), undefined);
});

test('a write-up of paragraphs reads the italic record without its delimiters', () => {
  const items = splitParagraphs(['The log held this line hundreds of times:', '', `_${RECORD}_`, '']);
  assert.ok(items.some((it) => it.output.some((o) => o.text === RECORD)));
});
