import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indentedCodeEnd } from '../../src/bundle/indented-code.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

// jupyterhub/jupyterhub#316: the hub's log line pasted as Markdown's indented code, in a write-up
// whose other outputs are fenced.
const HUB = [
  '# JupyterHub 12630',
  '',
  "The hub's log:",
  '',
  '    OSError: [Errno 24] Too many open files',
  '',
  '```',
  'jupyterhu 12630 root 1014u  IPv4             139100        0t0     TCP 127.0.0.1:9581->127.0.0.1:56747 (ESTABLISHED)',
  '```',
];

test('indented code: a paragraph indented four blanks after a blank line is a code block', () => {
  assert.equal(indentedCodeEnd(HUB, 4), 5);
  assert.equal(indentedCodeEnd(HUB, 2), -1, 'prose');
  assert.equal(indentedCodeEnd(['text', '    more'], 1), -1, 'no blank line above: a continuation');
  assert.equal(indentedCodeEnd(['\tls -l', '\ttotal 0'], 0), 2, 'a tab indents as well');
});

test('indented code: not under a list item, nor a paragraph holding a fence', () => {
  assert.equal(indentedCodeEnd(['- the hub crashed', '', '    and logged it'], 2), -1);
  assert.equal(indentedCodeEnd(['1. first', '', '    second paragraph'], 2), -1);
  assert.equal(indentedCodeEnd(['', '    ```', '    x'], 1), -1);
  assert.equal(indentedCodeEnd(['', '    x', 'y'], 1), -1, 'a line of the paragraph not indented');
});

test('indented code in a fenced write-up: its line is read as output, not prose', () => {
  const items = splitTranscript(HUB);
  const texts = items.flatMap((it) => it.output.map((o) => [o.text, o.line] as const));
  assert.ok(
    texts.some(([t, l]) => t === 'OSError: [Errno 24] Too many open files' && l === 5),
    JSON.stringify(texts),
  );
});
