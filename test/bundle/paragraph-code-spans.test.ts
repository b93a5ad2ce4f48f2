// A write-up of paragraphs (no fence, prompt or command) reads a line that is one code span as what
// it holds, and a span a line break cut in two as its two lines without the backticks, as a fenced
// write-up does. Real lines: laravel/framework#29756
// (test/accuracy/cases/gh-laravel-queue-work-lsof-one-unidentified-sock-17k-prose).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brokenSpan, brokenSpanLines } from '../../src/bundle/code-spans.js';
import { splitParagraphs } from '../../src/bundle/transcript.js';

const ROW = "php     6282     root    5u     sock    0,0                      81951 can't identify protocol";

test('an lsof row in a span whose closing backtick wrapped is the row, in its own paragraph', () => {
  const items = splitParagraphs(['the reporter sees (copied exactly):', '', `\`${ROW}`, '`', '', 'With 28 queue workers …']);
  assert.deepEqual(
    items.map((it) => it.output.map((o) => [o.line, o.text])),
    [[[1, 'the reporter sees (copied exactly):']], [[3, ROW]], [[6, 'With 28 queue workers …']]],
  );
});

test('a line that is one code span reads as what it holds; a span a break cut keeps both its lines', () => {
  assert.deepEqual(splitParagraphs([`\`${ROW}\``])[0].output, [{ text: ROW, line: 1 }]);
  assert.deepEqual(brokenSpanLines(['`lsof -p 1 | wc -l', '84`'], 0), ['lsof -p 1 | wc -l', '84']);
  assert.deepEqual(
    splitParagraphs(['`lsof -p 1 | wc -l', '84`'])[0].output.map((o) => o.text),
    ['lsof -p 1 | wc -l', '84'],
  );
});

test('no span, an empty span or a span left open stays as it is', () => {
  assert.equal(brokenSpanLines(['`', '`'], 0), undefined);
  assert.equal(brokenSpanLines([`\`${ROW}`, 'more text'], 0), undefined);
  assert.equal(brokenSpan([`\`${ROW}`, '`'], 0), ROW);
  assert.deepEqual(
    splitParagraphs([`\`${ROW}`, 'more text'])[0].output.map((o) => o.text),
    [`\`${ROW}`, 'more text'],
  );
});

// ClickHouse/ClickHouse#4355 (test/accuracy/cases/gh-clickhouse-kafka-netlink-lsof-fd898-emfile): two
// error-log records pasted between two backticks, the closing one alone on the line under them.
const CH1 =
  '2019.02.11 15:59:13.927576 [ 502528 ] {} <Error> ServerErrorHandler: Poco::Exception. Code: 1000, e.code() = 24, e.displayText() = I/O error: Too many open files, e.what() = I/O error';
const CH2 =
  '2019.02.11 15:59:13.930292 [ 503437 ] {} <Error> ServerErrorHandler: Poco::Exception. Code: 1000, e.code() = 24, e.displayText() = I/O error: Too many open files, e.what() = I/O error';

test('a log pasted between backticks that close lines later, its first record saying it ran out, reads without them', () => {
  const items = splitParagraphs(['Error logs files contains', `\`${CH1}`, CH2, '` ', 'How to reproduce:']);
  const texts = items.flatMap((it) => it.output.map((o) => [o.line, o.text]));
  assert.ok(texts.some(([line, text]) => line === 2 && text === CH1));
  assert.ok(texts.some(([line, text]) => line === 3 && text === CH2));
  assert.ok(!texts.some(([, text]) => String(text).includes('`')));
});

test('a span of lines whose first says nothing of running out keeps its backticks', () => {
  const texts = splitParagraphs(['`2019.02.11 15:59:13 <Information> Application: Ready', 'Listening for connections', '`']).flatMap((it) =>
    it.output.map((o) => o.text),
  );
  assert.ok(texts.includes('`2019.02.11 15:59:13 <Information> Application: Ready'));
});
