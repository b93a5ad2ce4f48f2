// The WebAssembly prescan takes the plain skips and the counted writes of a settled capture: the
// sink's result must be the one it gives reading every line itself (bytes), on every kind of line
// the prescan has a rule for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLineBytes, readLineChunks } from '../../src/bundle/lines.js';
import { createStraceSink } from '../../src/strace/stream.js';
import { prescanState } from '../../src/strace/prescan.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { KINDS, capture, heldWritesCapture } from './prescan-captures.js';


/**
 * A file read by a sink fed chunks (through the prescan once the shape settles) or line by line
 * (never through it); `scanned`: the prescan ran meanwhile.
 */
async function readThrough(path: string, how: 'chunk' | 'input' | 'bytes', seam = false) {
  const warnings: [number | undefined, string][] = [];
  const sink = createStraceSink({ file: basename(path), warn: (l, m) => warnings.push([l, m]) }, { seam });
  const before = prescanState().scans;
  const stats = how === 'bytes'
    ? await readLineBytes(path, (b, s, e, n) => sink.bytes!(b, s, e, n))
    // 'input': the file is read straight into the prescan's input, as parseStraceFile reads it.
    : await readLineChunks(path, sink.chunk, { buffers: how === 'input' ? sink.readBuffers() : undefined });
  const parts = sink.seam();
  return { artifact: sink.end(), warnings, stats, seam: parts, scanned: prescanState().scans > before };
}

test('the prescan is built, and a sink loads it (FDLEAK_NO_WASM: the sink does without)', { skip: process.env.FDLEAK_NO_WASM ? 'FDLEAK_NO_WASM is set' : false }, () => {
  createStraceSink({ file: 'x', warn: () => {} }).end();
  assert.equal(prescanState().loaded, true, `dist/prescan.wasm loads (npm run build makes it)`);
});

test('chunks read through the prescan give what reading every line gives', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-prescan-'));
  try {
    const path = join(dir, 'capture.strace');
    writeFileSync(path, capture());
    const bytes = await readThrough(path, 'bytes');
    for (const how of ['chunk', 'input'] as const) {
      const chunk = await readThrough(path, how);
      if (!process.env.FDLEAK_NO_WASM) assert.ok(chunk.scanned, 'the prescan read the chunk');
      assert.deepEqual(chunk.artifact, bytes.artifact, how);
      assert.deepEqual(chunk.warnings, bytes.warnings);
      assert.deepEqual(chunk.stats, bytes.stats);
    }
    // In chunks of 4 KB the prescan counts the writes of pairs whose samples filled in earlier chunks
    // (the capture fits in one 1 MB chunk, which it scans before the sink hands any pair over).
    const small = await readInChunks(path, 4096);
    assert.deepEqual(small.artifact, bytes.artifact, 'chunks of 4 KB');
    assert.deepEqual(small.warnings, bytes.warnings);
    if (!process.env.FDLEAK_NO_WASM) {
      // Another sink cannot read into the input of a prescan a sink holds.
      const holder = createStraceSink({ file: 'a', warn: () => {} });
      assert.ok(holder.readBuffers() !== undefined);
      assert.equal(createStraceSink({ file: 'b', warn: () => {} }).readBuffers(), undefined);
      holder.end();
      const next = createStraceSink({ file: 'c', warn: () => {} });
      assert.ok(next.readBuffers() !== undefined, 'end() lets it go');
      next.end();
    }
    // What the capture holds: the lines, the threads, the writes counted past their samples, the CRs.
    assert.ok(bytes.artifact.lines > 4000);
    assert.ok(bytes.artifact.threads.length >= 10);
    const log = bytes.artifact.writes.find((w) => w.tid === 4783 && w.fd === 7)!;
    assert.ok(log.count > 8 && log.samples.length === 8);
    assert.equal(bytes.stats.crlf, Math.ceil(4000 / KINDS) - (4000 % KINDS > 8 ? 0 : 1));
    const kinds = new Set(bytes.artifact.events.map((e) => e.kind));
    assert.ok(kinds.has('cloexec') && kinds.has('connect'), 'F_SETFD and SO_ERROR lines made events');
    assert.equal(bytes.artifact.shape.truncatedStrings, true);
    assert.equal(bytes.artifact.writes.find((w) => w.tid === 4783 && w.fd === 11)?.path, '/var/log/late.log');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a second part (seam mode) read through the prescan gives what reading every line gives, orphans included', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-prescan-'));
  try {
    // From the middle of a call: resumptions whose start is in the first part come first.
    const lines = capture().split('\n');
    const path = join(dir, 'part2.strace');
    writeFileSync(path, lines.slice(1007).join('\n'));
    const bytes = await readThrough(path, 'bytes', true);
    const chunk = await readThrough(path, 'chunk', true);
    if (!process.env.FDLEAK_NO_WASM) assert.ok(chunk.scanned, 'the prescan read the chunk');
    assert.deepEqual(chunk.artifact, bytes.artifact);
    assert.deepEqual(chunk.seam, bytes.seam);
    assert.ok(bytes.seam.orphans.length > 0, 'the part starts with resumptions of calls it did not see start');
  } finally {
    rmSync(dir, { recursive: true });
  }
});


/** The file's lines fed to the sink in chunks of whole lines of about `size` bytes; from byte `restAt` (a line start), all in one chunk. */
async function readInChunks(path: string, size: number, seam = false, restAt = Infinity) {
  const warnings: [number | undefined, string][] = [];
  const sink = createStraceSink({ file: basename(path), warn: (l, m) => warnings.push([l, m]) }, { seam });
  const all = readFileSync(path);
  const stats = { lines: 0, bytes: all.length, crlf: 0, binaryHint: false, noFinalNewline: false };
  for (let from = 0; from < all.length;) {
    let to = all.length;
    if (from < restAt) {
      const nl = all.indexOf(10, Math.min(all.length - 1, from + size));
      to = Math.min(nl === -1 ? all.length : nl + 1, restAt);
    }
    sink.chunk(all, from, to, stats.lines + 1, stats);
    from = to;
  }
  // seam() first in seam mode (as the part worker asks); else end() alone, which hands back what is held.
  const parts = seam ? sink.seam() : undefined;
  return { artifact: sink.end(), warnings, stats, seam: parts };
}

test('writes the prescan holds until their resumption give what reading every line gives, whatever the chunks', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-prescan-'));
  try {
    for (const crlf of [false, true]) {
      const text = heldWritesCapture();
      const path = join(dir, `held${crlf ? '-crlf' : ''}.strace`);
      writeFileSync(path, crlf ? text.replaceAll('\n', '\r\n') : text);
      const bytes = await readThrough(path, 'bytes');
      for (const size of [1 << 20, 4096, 300]) {
        const chunk = size === 1 << 20 ? await readThrough(path, 'chunk') : await readInChunks(path, size);
        assert.deepEqual(chunk.artifact, bytes.artifact, `chunks of ${size} bytes${crlf ? ', CRLF' : ''}`);
        assert.deepEqual(chunk.warnings, bytes.warnings);
        assert.deepEqual(chunk.stats, bytes.stats);
      }
      // A chunk too big for the prescan after small ones: the sink reads it line by line, the held writes pended first.
      const fourTimes = join(dir, `held4${crlf ? '-crlf' : ''}.strace`);
      const once = Buffer.from(crlf ? text.replaceAll('\n', '\r\n') : text);
      writeFileSync(fourTimes, Buffer.concat([once, once, once, once]));
      // Cut where ten threads hold a write (a byte offset: the capture is not all ASCII).
      const held = once.indexOf('\n210  ', once.length / 2) + 1;
      const big = await readInChunks(fourTimes, 300, false, once.indexOf('\n', held) + 1);
      const whole = await readThrough(fourTimes, 'bytes');
      assert.deepEqual(big.artifact, whole.artifact, 'a chunk of over 1 MB after small ones');
      // Chunks, then line by line (sink.bytes): the held writes are pended before the first such line.
      const mixed = createStraceSink({ file: basename(fourTimes), warn: () => {} });
      const all = readFileSync(fourTimes);
      const cut = once.indexOf('\n', held) + 1;
      const stats = { lines: 0, bytes: all.length, crlf: 0, binaryHint: false, noFinalNewline: false };
      mixed.chunk(all, 0, cut, 1, stats);
      for (let from = cut, n = stats.lines + 1; from < all.length; n++) {
        const nl = all.indexOf(10, from);
        mixed.bytes!(all, from, nl > from && all[nl - 1] === 13 ? nl - 1 : nl, n);
        from = nl + 1;
      }
      assert.deepEqual(mixed.end(), whole.artifact, 'chunks, then line by line');
      // What the capture holds: counted resumptions, a -s cut seen only in a held write, closes folded
      // and kept, and the writes of 100 and 101 unfinished at the end.
      const log = bytes.artifact.writes.find((w) => w.tid === 100 && w.fd === 3)!;
      assert.ok(log.count > 9 * 2 && log.samples.length === 8);
      assert.equal(bytes.artifact.shape.truncatedStrings, true);
      assert.ok(bytes.artifact.events.some((e) => e.kind === 'close' && e.fd === 32 && e.tid === 100));
      assert.ok((bytes.artifact.foldedPairs[100] ?? 0) > 0);
      assert.equal(bytes.artifact.unfinishedAtEnd, 2);
      // Second parts: the held writes of a thread whose first line in the part is a resumption.
      const lines = text.split('\n');
      for (const at of [1500, 2203, 2911]) {
        const part = join(dir, `part-${at}.strace`);
        writeFileSync(part, lines.slice(at).join(crlf ? '\r\n' : '\n'));
        const b = await readThrough(part, 'bytes', true);
        for (const size of [1 << 20, 300]) {
          const c = await readInChunks(part, size, true);
          assert.deepEqual(c.artifact, b.artifact, `second part from line ${at + 1}, chunks of ${size} bytes`);
          assert.deepEqual(c.seam, b.seam);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a string the prescan counts ends at its first unescaped quote: an escaped one followed by ... is no -s cut', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-prescan-'));
  try {
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) {
      const us = String(100000 + i * 37).padStart(6, '0');
      // The first eight are the pair's samples; the prescan counts the rest.
      lines.push(`4783  10:00:00.${us} write(7</var/log/app.log>, "say \\"...\\" and \\\\\\"... ${i}", 20) = 20 <0.000011>`);
      lines.push(`4783  10:00:00.${us} write(8</var/log/b.log>, "back\\\\", 5) = 5 <0.000011>`);
    }
    const path = join(dir, 'escapes.strace');
    writeFileSync(path, lines.join('\n') + '\n');
    const bytes = await readThrough(path, 'bytes');
    // Small chunks: a pair the sink hands over while the prescan reads a chunk is its to count from the next chunk on.
    const chunk = await readInChunks(path, 400);
    assert.deepEqual(chunk.artifact, bytes.artifact);
    assert.equal(bytes.artifact.shape.truncatedStrings, false);
    assert.equal(bytes.artifact.writes.find((w) => w.fd === 7)?.count, 40);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
