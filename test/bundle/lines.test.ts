import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLineBytes, readLines } from '../../src/bundle/lines.js';

function file(content: string | Buffer): string {
  const p = join(mkdtempSync(join(tmpdir(), 'fdleak-lines-')), 'f.txt');
  writeFileSync(p, content);
  return p;
}

async function both(path: string) {
  const text: [string, number][] = [];
  const bytes: [string, number][] = [];
  const a = await readLines(path, (t, n) => text.push([t, n]));
  const b = await readLineBytes(path, (buf, s, e, n) => bytes.push([Buffer.from(buf.subarray(s, e)).toString('utf8'), n]));
  return { text, bytes, a, b };
}

test('byte and text readers agree: CRLF, no final newline, UTF-8, a 3 MB line across buffers', async () => {
  const long = 'x'.repeat(3 * 1024 * 1024);
  const content = `first\r\n中文 line\n${long}\n\nlast without newline`;
  const { text, bytes, a, b } = await both(file(content));
  assert.deepEqual(bytes, text);
  assert.deepEqual(text.map(([t]) => t.length), [5, 7, long.length, 0, 20]);
  assert.equal(a.crlf, 1);
  assert.equal(b.crlf, 1);
  assert.equal(b.noFinalNewline, true);
  assert.equal(b.lines, 5);
  assert.equal(b.bytes, Buffer.byteLength(content));
});

test('NUL bytes are noticed', async () => {
  const { b } = await both(file(Buffer.from('ok\n\0bad\n')));
  assert.equal(b.binaryHint, true);
});
