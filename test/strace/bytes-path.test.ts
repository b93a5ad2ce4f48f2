// The byte paths (per line, and per chunk as files are read) must read every capture exactly as
// the text path does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { damage, fixturePath } from '../helpers.js';
import { readLineBytes, readLineChunks, readLines } from '../../src/bundle/lines.js';
import { createStraceSink } from '../../src/strace/stream.js';
import { strace } from '../../src/sources/strace.js';
import type { SourceWarning } from '../../src/types.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.strace$|\/ff\//.test(p) ? [p] : [];
  });
}

async function viaText(path: string, file: string) {
  const warnings: SourceWarning[] = [];
  const sink = strace.sink({ file, warn: (line, message) => warnings.push({ file, line, message }) });
  await readLines(path, (t, n) => sink.line(t, n));
  return { artifact: sink.end(), warnings };
}

async function viaBytes(path: string, file: string) {
  const warnings: SourceWarning[] = [];
  const sink = strace.sink({ file, warn: (line, message) => warnings.push({ file, line, message }) });
  assert.ok(sink.bytes, 'the strace sink has a byte path');
  await readLineBytes(path, (b, s, e, n) => sink.bytes!(b, s, e, n));
  return { artifact: sink.end(), warnings };
}

async function viaChunks(path: string, file: string) {
  const warnings: SourceWarning[] = [];
  const sink = createStraceSink({ file, warn: (line, message) => warnings.push({ file, line, message }) });
  await readLineChunks(path, sink.chunk);
  return { artifact: sink.end(), warnings };
}

const root = fixturePath('strace');
for (const path of files(root)) {
  const file = relative(root, path);
  test(`strace ${file}: the byte path reads it like the text path`, async () => {
    const a = await viaText(path, file);
    const b = await viaBytes(path, file);
    assert.deepEqual(JSON.parse(JSON.stringify(b)), JSON.parse(JSON.stringify(a)));
  });
  test(`strace ${file}: the chunk path reads it like the text path`, async () => {
    const a = await viaText(path, file);
    const c = await viaChunks(path, file);
    assert.deepEqual(JSON.parse(JSON.stringify(c)), JSON.parse(JSON.stringify(a)));
  });
}

/**
 * Damaged captures (a capture stopped mid-line, blank, garbled or padded lines, CRLF, a stray
 * character in an fd call): every path must read them alike. A line cut inside its time once
 * moved the byte path's clock a day ahead; a resumed close with ` = ` inside its -T duration was
 * folded by the byte path and ignored by the text path.
 */
const dir = mkdtempSync(join(tmpdir(), 'fdleak-damaged-'));
for (const path of files(root)) {
  const file = relative(root, path);
  test(`strace ${file}, damaged 6 ways: the chunk and byte paths read it like the text path`, async () => {
    const lines = readFileSync(path, 'utf8').split('\n');
    for (let k = 0; k < 6; k++) {
      const damaged = join(dir, `${k}-${file.replace(/\//g, '_')}`);
      writeFileSync(damaged, damage(lines, 7 + k * 101, { strays: true }).join(k % 2 === 1 ? '\r\n' : '\n'));
      const a = JSON.parse(JSON.stringify(await viaText(damaged, file)));
      assert.deepEqual(JSON.parse(JSON.stringify(await viaChunks(damaged, file))), a, `chunks, damage ${k}`);
      assert.deepEqual(JSON.parse(JSON.stringify(await viaBytes(damaged, file))), a, `bytes, damage ${k}`);
    }
  });
}
