// A terminal paste left outside a code block in a mail, the sentence under it wrapped over two
// lines by the mail (accuracy round 221), on the real lines of debian-isp 2001/07 msg00192: the
// wrapped sentence ends the output as one on its line does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startsProseParagraph } from '../../src/bundle/prose-line.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

const MAIL = [
  "I've found the following strange thing:",
  '',
  'black:~# lsof | wc -l',
  'black:~# more /proc/sys/fs/file-nr',
  '4096    3513    8192',
  '',
  'Why is the number of file handles in use (3513) so high, comparing to the',
  'size of lsof report ? ',
  'What are all those file handles used for ?',
];

test('a sentence wrapped over lines starts a paragraph of prose', () => {
  assert.equal(startsProseParagraph(MAIL, 6, MAIL.length), true);
  // one on its own line still does
  assert.equal(startsProseParagraph(MAIL, 8, MAIL.length), true);
});

test('rows, indented continuations and an unended run are no wrapped sentence', () => {
  assert.equal(startsProseParagraph(['4096    3513    8192'], 0, 1), false);
  const lsofWarn = ['Some text that goes on without an end', '      Output information may be incomplete.'];
  assert.equal(startsProseParagraph(lsofWarn, 0, lsofWarn.length), false);
  const unended = ['Why is the number of file handles in use so high, comparing to the', '', 'size.'];
  assert.equal(startsProseParagraph(unended, 0, unended.length), false);
  const stack = ['Exception in thread main java.io.IOException: Too many open files', '\tat java.io.FileInputStream.open(Native Method)'];
  assert.equal(startsProseParagraph(stack, 0, stack.length), false);
});

test('debian-isp msg00192: file-nr keeps its one line; the wrapped question is no output', () => {
  const items = splitTranscript(MAIL);
  const fileNr = items.find((it) => it.command === 'more /proc/sys/fs/file-nr');
  assert.ok(fileNr);
  assert.deepEqual(
    fileNr.output.map((o) => o.text).filter((t) => t.trim() !== ''),
    ['4096    3513    8192'],
  );
});
