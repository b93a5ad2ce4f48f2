// A big strace file is read in one pass with the prescan on a worker thread (src/strace/pipeline.ts).
// The sink reads the same lines in the same order as a one-pass read, so the artifact must be the
// one-pass artifact, field for field, wherever the worker takes over and however big its chunks:
// real captures, damaged ones (lines whose time the prescan cannot read stop it until the sink
// has read them), writes the prescan holds, and a chunk too big for the prescan.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { ROOT, damage, filesUnder, fixturePath } from '../helpers.js';
import { readLineBytes } from '../../src/bundle/lines.js';
import { parseStraceFile } from '../../src/strace/parallel.js';
import { readPipelined } from '../../src/strace/pipeline.js';
import { createStraceSink } from '../../src/strace/stream.js';
import { capture, heldWritesCapture } from './prescan-captures.js';

const FILES = [
  ...filesUnder(fixturePath('strace'), /\.strace$/),
  ...filesUnder(join(ROOT, 'samples'), /\/strace[^/]*\.(txt|log)$/),
];

/** The one-pass read, line by line (no prescan): the reference. */
async function onePass(path: string) {
  const warnings: [number | undefined, string][] = [];
  const sink = createStraceSink({ file: basename(path), warn: (l, m) => warnings.push([l, m]) });
  const stats = await readLineBytes(path, (b, s, e, n) => sink.bytes!(b, s, e, n));
  return { artifact: sink.end(), stats, warnings };
}

async function pipelined(path: string, handOffAt: number, workerChunk?: number) {
  const warnings: [number | undefined, string][] = [];
  const r = await readPipelined(path, { file: basename(path), warn: (l, m) => warnings.push([l, m]) }, { handOffAt, workerChunk });
  return { ...r, warnings };
}

/** Reads `path` pipelined, handed off at several places with big and small worker chunks; returns how many reads were handed off. */
async function assertOnePassAnswer(path: string, where: string, cuts = [0, 0.3, 0.7]): Promise<number> {
  const ref = await onePass(path);
  const size = statSync(path).size;
  let handedOff = 0;
  for (const at of cuts) {
    for (const chunk of [undefined, 4096, 700]) {
      const p = await pipelined(path, Math.floor(size * at), chunk);
      const label = `${where}, handed off at ${at}, worker chunks of ${chunk ?? 'its inputs'}`;
      assert.deepEqual(p.artifact, ref.artifact, label);
      assert.deepEqual(p.stats, ref.stats, `${label}: line stats`);
      assert.deepEqual(p.warnings, ref.warnings, `${label}: warnings`);
      if (p.handedOffAt !== undefined) handedOff++;
    }
  }
  return handedOff;
}

test('pipelined reads of the real captures give the one-pass artifact', async () => {
  let handedOff = 0;
  for (const path of FILES) handedOff += await assertOnePassAnswer(path, relative(ROOT, path));
  // Captures without -y or -T never settle into the prescan's shape: they are read here, whole.
  assert.ok(handedOff >= 20, `the worker took over ${handedOff} reads`);
});

test('pipelined reads of damaged captures: stops at lines without a readable time, then on from the sink\'s clock', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-pipeline-'));
  try {
    let handedOff = 0;
    for (const source of FILES.filter((f) => f.endsWith('.strace'))) {
      const path = join(dir, 'damaged.strace');
      writeFileSync(path, damage(readFileSync(source, 'utf8').split('\n'), 7, { strays: true }).join('\n'));
      handedOff += await assertOnePassAnswer(path, `${relative(ROOT, source)}, damaged`, [0.2, 0.6]);
    }
    assert.ok(handedOff > 5, `the worker took over ${handedOff} reads`);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('pipelined reads of captures with every prescan rule, held writes, midnight and CRLF; a chunk too big for the prescan', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-pipeline-'));
  try {
    for (const [name, text] of [['rules', capture()], ['held', heldWritesCapture()], ['held-crlf', heldWritesCapture().replaceAll('\n', '\r\n')]]) {
      const path = join(dir, `${name}.strace`);
      writeFileSync(path, text);
      assert.ok(await assertOnePassAnswer(path, name, [0.01, 0.5]) >= 6, `${name}: handed off`);
    }
    // A write line of 1.5 MB in the worker's part: its chunk does not fit the prescan, the sink reads it.
    const lines = heldWritesCapture().split('\n');
    const at = Math.floor(lines.length / 2);
    const tid = lines[at].split(' ')[0];
    lines.splice(at, 0, `${tid}  ${lines[at].split(/ +/)[1]} write(3</var/log/app.log>, "${'y'.repeat(1_500_000)}", 1500000) = 1500000 <0.000010>`);
    const path = join(dir, 'long-line.strace');
    writeFileSync(path, lines.join('\n'));
    // And one after 17 hours of lines the prescan takes (midnight among them): the sink reads it
    // from the prescan's clock, not from its own last line's.
    const late: string[] = ['7  23:00:00.000000 openat(AT_FDCWD</srv>, "/var/log/a.log", O_WRONLY) = 3</var/log/a.log> <0.000020>'];
    for (let m = 1; m <= 102; m++) {
      const at = (23 * 60 + m * 10) % (24 * 60);
      late.push(`7  ${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}:00.000000 futex(0x7f00, FUTEX_WAKE_PRIVATE, 1) = 0 <0.000010>`);
    }
    late.push(`7  16:10:00.000000 write(3</var/log/a.log>, "${'z'.repeat(1_200_000)}", 1200000) = 1200000 <0.000010>`);
    late.push('7  16:10:01.000000 close(3</var/log/a.log>) = 0 <0.000010>');
    const latePath = join(dir, 'late-long-line.strace');
    writeFileSync(latePath, late.join('\n') + '\n');
    for (const [file, handOffAt] of [[path, 1000], [latePath, 200]] as const) {
      const ref = await onePass(file);
      for (const chunk of [undefined, 4096]) {
        const p = await pipelined(file, handOffAt, chunk);
        assert.notEqual(p.handedOffAt, undefined);
        assert.deepEqual(p.artifact, ref.artifact, `${basename(file)}, worker chunks of ${chunk ?? 'its inputs'}`);
        assert.deepEqual(p.stats, ref.stats);
        assert.deepEqual(p.warnings, ref.warnings);
      }
    }
    const lateRef = await onePass(latePath);
    assert.ok((lateRef.artifact.lastTime ?? 0) > 86400 + 16 * 3600, 'the long line is on the next day');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

/**
 * A settled capture whose stops matter: threads whose only pending call is on a stop line (its
 * resumption is the sink's to read), and stops whose time is 13 hours off (the clock the prescan
 * goes on from is the sink's: the next line is on the next day).
 */
function stopsCapture(): string {
  const out: string[] = [];
  let t = 1;
  const clock = (s: number) => {
    const d = s % 86400;
    const two = (n: number) => String(Math.floor(n)).padStart(2, '0');
    return `${two(d / 3600)}:${two((d % 3600) / 60)}:${two(d % 60)}.${String(Math.round((d % 1) * 1e6)).padStart(6, '0')}`;
  };
  const line = (tid: number, body: string) => {
    t += 0.0007;
    out.push(`${tid}  ${clock(t)} ${body}`);
  };
  line(100, 'openat(AT_FDCWD</srv>, "/var/log/a.log", O_WRONLY|O_APPEND|O_CLOEXEC) = 3</var/log/a.log> <0.000020>');
  for (let i = 0; i < 3000; i++) {
    const tid = 100 + (i % 3);
    if (i % 500 === 250) {
      const fresh = 1000 + i;
      line(fresh, `socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = 9<socket:[${i}]> <0.000020>`);
      out.push(`${fresh}  ${clock(t).slice(0, -2)} close(9<socket:[${i}]> <unfinished ...>`);
      line(tid, 'futex(0x7f00, FUTEX_WAKE_PRIVATE, 1) = 0 <0.000010>');
      line(fresh, '<... close resumed>) = 0 <0.000012>');
    } else if (i % 500 === 400) out.push(`${tid}  13:00:00.0000 getpid() = ${tid} <0.000003>`);
    else if (i % 7 === 0) {
      line(tid, `openat(AT_FDCWD</srv>, "/tmp/f${i}", O_RDONLY) = 5</tmp/f${i}> <0.000010>`);
      if (i % 3 !== 0) line(tid, `close(5</tmp/f${i}>) = 0 <0.000008>`);
    } else line(tid, 'futex(0x7f00, FUTEX_WAKE_PRIVATE, 1) = 0 <0.000010>');
  }
  return out.join('\n') + '\n';
}

test('pipelined reads with stops that matter: the worker goes on from the sink\'s clock and pending calls', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-pipeline-'));
  try {
    const path = join(dir, 'stops.strace');
    writeFileSync(path, stopsCapture());
    const ref = await onePass(path);
    // What makes the stops matter: the next day's times, and no close left pending.
    assert.ok((ref.artifact.lastTime ?? 0) > 86400, 'a 13 hours-off stop moves the clock to the next day');
    assert.equal(ref.artifact.unfinishedAtEnd, 0);
    assert.ok(await assertOnePassAnswer(path, 'stops', [0.05, 0.5]) >= 6);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a prescan worker that fails costs a second read, not the file: the one-pass result', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-pipeline-'));
  const saved = process.env.FDLEAK_PARALLEL_MIN_BYTES;
  process.env.FDLEAK_PARALLEL_MIN_BYTES = '0';
  try {
    const broken = join(dir, 'broken-worker.mjs');
    writeFileSync(broken, [
      "import { parentPort } from 'node:worker_threads';",
      "parentPort.postMessage({ kind: 'ready' });",
      "parentPort.once('message', () => { throw new Error('worker broke'); });",
    ].join('\n'));
    const path = join(dir, 'damaged.strace');
    writeFileSync(path, damage(readFileSync(fixturePath('strace', 'java-cat-leak', 'f-tt-T-y.strace'), 'utf8').split('\n'), 3, { strays: true }).join('\n'));
    const ref = await onePass(path);
    const warnings: [number | undefined, string][] = [];
    const ctx = { file: basename(path), warn: (l: number | undefined, m: string) => warnings.push([l, m]) };
    const size = statSync(path).size;
    await assert.rejects(readPipelined(path, { file: 'x', warn: () => {} }, { workerPath: broken, handOffAt: Math.floor(size / 3) }), /worker broke/);
    const parsed = await parseStraceFile(path, ctx, size, { read: 'pipeline', prescanWorker: broken, at: Math.floor(size / 3) });
    assert.match(parsed.whole ?? '', /prescan worker failed \(worker broke\)/);
    assert.deepEqual(parsed.artifact, ref.artifact);
    assert.deepEqual(parsed.stats, ref.stats);
    assert.deepEqual(warnings, ref.warnings);
    // The real worker, handed off at the same place: the same, read once.
    warnings.length = 0;
    const piped = await parseStraceFile(path, ctx, size, { read: 'pipeline', at: Math.floor(size / 3) });
    assert.notEqual(piped.handedOffAt, undefined);
    assert.deepEqual(piped.artifact, ref.artifact);
    assert.deepEqual(warnings, ref.warnings);
  } finally {
    if (saved === undefined) delete process.env.FDLEAK_PARALLEL_MIN_BYTES;
    else process.env.FDLEAK_PARALLEL_MIN_BYTES = saved;
    rmSync(dir, { recursive: true });
  }
});

test('without a worker module, or a file too small to hand off, the main thread reads it all', async () => {
  const path = fixturePath('strace', 'java-cat-leak', 'f-tt-T-y.strace');
  const ref = await onePass(path);
  const none = await readPipelined(path, { file: basename(path), warn: () => {} }, { workerPath: null });
  assert.equal(none.handedOffAt, undefined);
  assert.match(none.whole ?? '', /no prescan worker module/);
  assert.deepEqual(none.artifact, ref.artifact);
  // A `-ff` file holds one thread: the sink reads it without the prescan, so no worker starts.
  const ffDir = fixturePath('strace', 'java-cat-leak', 'ff');
  const ff = join(ffDir, readdirSync(ffDir)[0]);
  const ffRef = await onePass(ff);
  const ffRead = await readPipelined(ff, { file: basename(ff), warn: () => {} }, { handOffAt: 0 });
  assert.match(ffRead.whole ?? '', /no prescan for this file/);
  assert.deepEqual(ffRead.artifact, ffRef.artifact);
  // Handed off at the end of the file: nothing is left for the worker.
  const end = await pipelined(path, statSync(path).size);
  assert.deepEqual(end.artifact, ref.artifact);
  assert.deepEqual(end.stats, ref.stats);
});
