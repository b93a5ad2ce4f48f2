// The byte paths (per line, and per chunk as files are read) must read every capture exactly as
// the text path does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fixturePath } from '../helpers.js';
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
