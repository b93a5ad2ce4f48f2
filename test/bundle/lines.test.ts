import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_LINE_BYTES, readLineBytes, readLineChunks, readLines } from '../../src/bundle/lines.js';

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
  assert.deepEqual(
    text.map(([t]) => t.length),
    [5, 7, long.length, 0, 20],
  );
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

test('chunks hold whole lines; a byte range reads as a file of its own, numbered from firstLine', async () => {
  const lines = Array.from({ length: 40_000 }, (_, i) => `line ${i} ${'y'.repeat(i % 97)}`);
  const content = lines.join('\n') + '\n';
  const path = file(content);
  const start = Buffer.byteLength(lines.slice(0, 1000).join('\n') + '\n');
  const end = Buffer.byteLength(lines.slice(0, 39_000).join('\n') + '\n');
  const seen: string[] = [];
  const numbers: number[] = [];
  let chunks = 0;
  const stats = await readLineChunks(
    path,
    (buf, from, to, firstLine, st) => {
      chunks++;
      assert.equal(buf[to - 1], 10, 'a chunk ends with a newline');
      const text = Buffer.from(buf.subarray(from, to)).toString('utf8').split('\n').slice(0, -1);
      text.forEach((t, k) => {
        seen.push(t);
        numbers.push(firstLine + k);
      });
      st.lines += text.length;
    },
    { start, end, firstLine: 1001 },
  );
  assert.ok(chunks > 1, 'the range spans several reads');
  assert.deepEqual(seen, lines.slice(1000, 39_000));
  assert.deepEqual(
    numbers,
    Array.from({ length: 38_000 }, (_, i) => 1001 + i),
  );
  assert.equal(stats.lines, 38_000);
  assert.equal(stats.bytes, end - start);
});

test('read ahead into two small buffers: every line whole and in order, across buffers, longer than a buffer, CRLF, range', async () => {
  const lines = Array.from({ length: 3000 }, (_, i) => `${i} ${'z'.repeat((i * 37) % 211)}${i % 5 === 0 ? '\r' : ''}`);
  const content = lines.join('\n') + '\nend without newline';
  const path = file(content);
  for (const size of [7, 64, 100, 4096]) {
    for (const [start, end] of [
      [0, Buffer.byteLength(content)],
      [Buffer.byteLength(lines.slice(0, 10).join('\n') + '\n'), Buffer.byteLength(lines.slice(0, 2000).join('\n') + '\n')],
    ]) {
      const buffers: [Buffer, Buffer] = [Buffer.alloc(size), Buffer.alloc(size)];
      const seen: string[] = [];
      const into = new Set<Uint8Array>();
      const stats = await readLineChunks(
        path,
        (buf, from, to, firstLine, st) => {
          into.add(buf);
          assert.equal(firstLine, 1 + seen.length);
          const text = Buffer.from(buf.subarray(from, to)).toString('latin1');
          const got = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
          seen.push(...got);
          st.lines += got.length;
        },
        { start, end, buffers },
      );
      const want = content.slice(start, end).replace(/\n$/, '').split('\n');
      assert.deepEqual(seen, want, `buffers of ${size}, bytes ${start}-${end}`);
      assert.equal(stats.lines, want.length);
      assert.equal(stats.bytes, end - start);
      assert.equal(stats.noFinalNewline, end === Buffer.byteLength(content));
      if (size === 4096) assert.ok(into.has(buffers[0]) && into.has(buffers[1]), 'both buffers are read into');
    }
  }
});

test('read ahead: a consumer that throws gets its error, and the read under way ends first', async () => {
  const path = file('a\n'.repeat(100_000));
  let calls = 0;
  await assert.rejects(
    readLineChunks(
      path,
      () => {
        if (++calls === 2) throw new Error('consumer failed');
      },
      { buffers: [Buffer.alloc(1000), Buffer.alloc(1000)] },
    ),
    /consumer failed/,
  );
  assert.equal(calls, 2);
});

test('a line past the cap is handed over cut, the rest of it skipped; the lines after it are read whole', async () => {
  const long = (k: number) => `${k}:${'L'.repeat(250 + k * 40)}`;
  const lines = ['first', long(0), 'between', long(1), '', 'short', long(2), 'last'];
  const content = lines.join('\n');
  const path = file(content);
  const max = 128;
  const want = lines.map((l) => (Buffer.byteLength(l) >= max ? l.slice(0, max) : l));
  for (const size of [7, 64, 128]) {
    const seen: string[] = [];
    const stats = await readLineChunks(
      path,
      (buf, from, to, firstLine, st) => {
        const got = Buffer.from(buf.subarray(from, to)).toString('latin1').replace(/\n$/, '').split('\n');
        assert.equal(firstLine, 1 + seen.length);
        seen.push(...got);
        st.lines += got.length;
      },
      { buffers: [Buffer.alloc(size), Buffer.alloc(size)], maxLineBytes: max },
    );
    assert.deepEqual(seen, want, `buffers of ${size}`);
    assert.equal(stats.cutLines, 3);
    assert.equal(stats.firstCutLine, 2);
    assert.equal(stats.bytes, Buffer.byteLength(content));
  }
  // A file that ends inside a line past the cap: no line after it, and no final newline.
  const tail = await readLineChunks(
    file(`a\n${'x'.repeat(1000)}`),
    (_b, from, to, _f, st) => {
      st.lines += to > from ? 1 : 0;
    },
    { buffers: [Buffer.alloc(16), Buffer.alloc(16)], maxLineBytes: 100 },
  );
  assert.deepEqual([tail.cutLines, tail.firstCutLine, tail.noFinalNewline], [1, 2, true]);
});

test('a strace header followed by a 512 MB hole of NUL bytes: read in bounded memory, one warning naming file:line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-hole-'));
  const path = join(dir, 'strace.txt');
  const head = '100  10:00:00.000001 socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 3 <0.000010>\n'.repeat(200);
  writeFileSync(path, head);
  truncateSync(path, Buffer.byteLength(head) + 512 * 1024 * 1024);
  const parse = new URL('../../src/sources/parse.js', import.meta.url).href;
  const script = `const { ingest } = await import(${JSON.stringify(parse)});
const [e] = (await ingest(${JSON.stringify(path)})).entries;
console.log(JSON.stringify({ source: e.source, warnings: e.warnings, rss: process.resourceUsage().maxRSS / 1024 }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const got = JSON.parse(r.stdout) as { source: string; warnings: { line?: number; message: string }[]; rss: number };
  assert.equal(got.source, 'strace');
  const cut = got.warnings.filter((w) => /longer than/.test(w.message));
  assert.deepEqual(
    cut.map((w) => w.line),
    [201],
  );
  assert.match(cut[0].message, new RegExp(`longer than ${MAX_LINE_BYTES} bytes`));
  assert.ok(got.rss < 200, `peak RSS ${got.rss.toFixed(0)} MB`);
});
