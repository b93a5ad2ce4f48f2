// The pre-filter skips and counts lines from their bytes: on every capture, clean and damaged,
// reading it in chunks (pre-filter, then the text path) must give what the text path alone gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { damage, filesUnder, fixturePath } from '../helpers.js';
import { readLineChunks, readLines } from '../../src/bundle/lines.js';
import { createStraceSink } from '../../src/sources/strace/sink.js';
import type { SourceWarning } from '../../src/types.js';

async function read(path: string, file: string, how: 'text' | 'chunks') {
  const warnings: SourceWarning[] = [];
  const sink = createStraceSink({ file, warn: (line, message) => warnings.push({ file, line, message }) });
  if (how === 'text') await readLines(path, (t, n) => sink.line(t, n));
  else await readLineChunks(path, sink.chunk);
  return JSON.parse(JSON.stringify({ artifact: sink.end(), warnings }));
}

const root = fixturePath('strace');
const captures = filesUnder(root, /\.strace$|\/ff\//);

for (const path of captures) {
  const file = relative(root, path);
  test(`strace ${file}: read in chunks through the pre-filter, as the text path reads it`, async () => {
    const text = await read(path, file, 'text');
    assert.deepEqual(await read(path, file, 'chunks'), text);
    assert.ok(text.artifact.lines > 0);
  });
}

/**
 * Damaged captures (a capture stopped mid-line, blank, garbled or padded lines, CRLF, a stray
 * character in an fd call): the pre-filter reads them as the text path does.
 */
const dir = mkdtempSync(join(tmpdir(), 'fdleak-damaged-'));
for (const path of captures) {
  const file = relative(root, path);
  test(`strace ${file}, damaged 6 ways: read in chunks as the text path reads it`, async () => {
    const lines = readFileSync(path, 'utf8').split('\n');
    for (let k = 0; k < 6; k++) {
      const damaged = join(dir, `${k}-${file.replace(/\//g, '_')}`);
      writeFileSync(damaged, damage(lines, 7 + k * 101, { strays: true }).join(k % 2 === 1 ? '\r\n' : '\n'));
      assert.deepEqual(await read(damaged, file, 'chunks'), await read(damaged, file, 'text'), `damage ${k}`);
    }
  });
}
