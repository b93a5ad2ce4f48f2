// `<pre>` … `</pre>` on lines of their own: an HTML code block, read as a fenced one.
// Real lines: gh-opendkim-udp-dns-ss-325 (opendkim#149, round 32).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { preTagsAsFences } from '../../src/bundle/html-pre.js';

test('<pre> and </pre> lines become fences; a lone tag or a tag inside a line does not', () => {
  assert.deepEqual(preTagsAsFences(['(Small snippet of the output)', '<pre>', 'udp   ESTAB', '</pre>']), [
    '(Small snippet of the output)',
    '```',
    'udp   ESTAB',
    '```',
  ]);
  assert.deepEqual(preTagsAsFences(['<pre><code>', 'x', '</code></pre>']), ['```', 'x', '```']);
  assert.deepEqual(preTagsAsFences(['<pre>', 'x']), ['<pre>', 'x']);
  assert.deepEqual(preTagsAsFences(['a <pre>x</pre>', 'b']), ['a <pre>x</pre>', 'b']);
});
