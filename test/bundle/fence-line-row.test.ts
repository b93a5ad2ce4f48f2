// A table's row typed on a code fence's own line, no line break after the backticks (Markdown hides
// it as the block's language). Real lines: gh-sccache-vcpkg-root-lock-lsof-thread-rows-fence-line
// (mozilla/sccache#1855, lsof's process row of sccache 6576 on the fence line, its thread rows under it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { CASES_DIR } from '../accuracy/score.js';

const SCCACHE = readFileSync(join(CASES_DIR, 'gh-sccache-vcpkg-root-lock-lsof-thread-rows-fence-line', 'transcript.md'), 'utf8');

test("a table's row typed on the opening fence line is the block's first line", () => {
  const items = splitTranscript(SCCACHE.split('\n'));
  const rows = items.flatMap((i) => i.output.map((o) => o.text)).filter((t) => t.startsWith('sccache    6576'));
  assert.equal(rows.length, 7);
  assert.ok(rows[0].startsWith('sccache    6576                          ubuntu    3u'));
});

test('a language tag, or one with an attribute, on the fence line is no row', () => {
  const items = splitTranscript(['```console', '$ ulimit -n', '1024', '```', '', '```js title="a.js"', 'x', '```']);
  const texts = items.flatMap((i) => i.output.map((o) => o.text));
  assert.ok(!texts.includes('console'));
  assert.ok(!texts.some((t) => t.startsWith('js title')));
});
