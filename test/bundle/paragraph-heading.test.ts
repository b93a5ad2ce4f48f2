import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitParagraphs } from '../../src/bundle/transcript.js';
import { lsof } from '../../src/sources/lsof.js';

// javaee/metro-jax-ws#811: an issue migrated from a tracker, plain text, its lsof rows (columns
// squeezed to one space) right above the `#### Environment` section, no blank line between.
const ROWS = [
  'java 30856 midsy 38u unix 0xf73fe780 848446 socket',
  'java 30856 midsy 39w FIFO 0,7 853123 pipe',
  'java 30856 midsy 40r FIFO 0,7 849589 pipe',
  'java 30856 midsy 41w FIFO 0,7 849589 pipe',
  'java 30856 midsy 42r 0000 0,8 0 849590 eventpoll',
];
const ISSUE = [
  'When empty packets are sent to the port open by library for web-service, new',
  'socket and file descriptors are created, and never released.',
  'Entries from lsof linux program look like:',
  ...ROWS,
  '#### Environment',
  'Operating System: Linux',
  'Platform: Sun',
  '#### Affected Versions',
  '[2.1.5]',
];

test('a Markdown heading ends the paragraph above it: the lsof rows are not read with the sections under it', () => {
  const items = splitParagraphs(ISSUE);
  const first = items[0].output.map((o) => o.text);
  assert.deepEqual(first.slice(-ROWS.length), ROWS);
  assert.ok(lsof.detect({ head: first, name: 'transcript.md' }) > 0);
});

test('the heading and the lines under it are items of their own; a lone heading is dropped', () => {
  const items = splitParagraphs(ISSUE);
  assert.deepEqual(
    items.slice(1).map((it) => it.output.map((o) => o.text)),
    [['Operating System: Linux', 'Platform: Sun'], ['[2.1.5]']],
  );
});
