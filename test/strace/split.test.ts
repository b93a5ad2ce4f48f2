// Where a big strace file is cut, when a worker's part is the one asked for, and when the main
// thread stops waiting for a worker that fell far behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { readOnIsSooner, sameJob, secondPartJob, WORKER_MAX_EVENTS } from '../../src/strace/split.js';
import { parseStraceFile } from '../../src/strace/parallel.js';
import { fixturePath } from '../helpers.js';

const JAVA = fixturePath('strace', 'java-cat-leak', 'f-tt-T-y.strace');

test('the cut is the first line start at or after the share, and the job names the file by absolute path', () => {
  const text = readFileSync(JAVA, 'utf8');
  const size = statSync(JAVA).size;
  const job = secondPartJob(relative(process.cwd(), JAVA), 'f-tt-T-y.strace', size)!;
  assert.ok(isAbsolute(job.path));
  assert.equal(job.path, JAVA);
  assert.equal(job.end, size);
  assert.equal(job.maxEvents, WORKER_MAX_EVENTS);
  assert.ok(job.start >= Math.floor(size / 2));
  assert.equal(text[job.start - 1], '\n', 'a line starts at the cut');
  assert.ok(!text.slice(Math.floor(size / 2), job.start - 1).includes('\n'), 'the first such line');
  const at = secondPartJob(JAVA, 'x', size, { at: 0 })!;
  assert.equal(text[at.start - 1], '\n');
  assert.ok(!text.slice(0, at.start - 1).includes('\n'));
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-split-'));
  try {
    const oneLine = join(dir, 'one.strace');
    writeFileSync(oneLine, '4783  10:00:00.000001 close(3) = 0');
    assert.equal(secondPartJob(oneLine, 'one.strace', statSync(oneLine).size), null, 'no line starts after the cut');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('two jobs are the same part when they read the same bytes the same way', () => {
  const size = statSync(JAVA).size;
  const job = secondPartJob(JAVA, 'f-tt-T-y.strace', size)!;
  assert.ok(sameJob(job, secondPartJob(relative(process.cwd(), JAVA), 'strace/f-tt-T-y.strace', size)!), 'a name in a folder, a relative path');
  assert.ok(!sameJob(job, secondPartJob(JAVA, 'f-tt-T-y.strace', size, { at: 10 })!), 'another cut');
  assert.ok(!sameJob(job, secondPartJob(JAVA, 'f-tt-T-y.strace', size, { maxEvents: 5 })!), 'another bound');
  assert.ok(!sameJob(job, secondPartJob(JAVA, 'trace.4783', size)!), 'a -ff name reads as one thread');
});

test('reading on is chosen only when the worker is far behind', () => {
  // The main thread read 250 MB in 2.5 s; the worker's part is 250 MB too.
  const main = { mainMs: 2500, mainBytes: 250e6, partBytes: 250e6 };
  assert.equal(readOnIsSooner({ ...main, workerMs: 2400, workerBytes: 230e6 }), false, 'nearly done');
  assert.equal(readOnIsSooner({ ...main, workerMs: 2400, workerBytes: 150e6 }), false, 'at 60%: waiting is still sooner');
  assert.equal(readOnIsSooner({ ...main, workerMs: 2400, workerBytes: 60e6 }), true, 'at a quarter: its core is busy');
  assert.equal(readOnIsSooner({ ...main, workerMs: 0, workerBytes: 0 }), true, 'not begun');
  assert.equal(readOnIsSooner({ ...main, workerMs: 2400, workerBytes: 250e6 }), false, 'read, now packing');
  assert.equal(readOnIsSooner({ mainMs: 20, mainBytes: 2e6, partBytes: 2e6, workerMs: 0, workerBytes: 0 }), false, 'a small file: always wait');
  assert.equal(readOnIsSooner({ mainMs: 20, mainBytes: 2e6, partBytes: 2e6, workerMs: 0, workerBytes: 0 }, 0), true);
});

test('a worker far behind is stopped and the main thread reads on: the one-pass result', async () => {
  const size = statSync(JAVA).size;
  const ctx = { file: 'f-tt-T-y.strace', warn: () => {} };
  const saved = process.env.FDLEAK_PARALLEL_MIN_BYTES;
  try {
    process.env.FDLEAK_PARALLEL_MIN_BYTES = '1e18';
    const onePass = await parseStraceFile(JAVA, ctx, size);
    process.env.FDLEAK_PARALLEL_MIN_BYTES = '0';
    const started = performance.now();
    const late = await parseStraceFile(JAVA, ctx, size, { workerDelayMs: 60_000, readOnMinMs: 0, read: 'parts' });
    assert.ok(performance.now() - started < 30_000, 'the late worker was not waited for');
    assert.equal(late.parts, 1);
    assert.match(late.whole ?? '', /far behind/);
    assert.deepEqual(late.artifact, onePass.artifact);
    assert.deepEqual(late.stats, onePass.stats);
    // At the default threshold, a small file waits for the worker, however late.
    const waited = await parseStraceFile(JAVA, ctx, size, { workerDelayMs: 300, read: 'parts' });
    assert.equal(waited.parts, 2, waited.whole);
    assert.equal(waited.artifact.records, onePass.artifact.records);
  } finally {
    if (saved === undefined) delete process.env.FDLEAK_PARALLEL_MIN_BYTES;
    else process.env.FDLEAK_PARALLEL_MIN_BYTES = saved;
  }
});
