// The part worker the CLI warms up while it loads: taken once, replaced when it died, used when it
// was started early on the very part asked for (and stopped when it guessed another), and never
// holding the process open when no strace file needed it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { readdirSync, statSync } from 'node:fs';
import { partWorkerPath, runPart, warmJob, warmPartWorker } from '../../src/strace/worker-pool.js';
import { secondPartJob } from '../../src/strace/split.js';
import { filesOver, looksLikeStrace, warmUp } from '../../src/cli/warm.js';
import { parseStraceFile } from '../../src/strace/parallel.js';
import { analyzeStrace } from '../../src/strace/analyze.js';
import { ROOT, fixturePath } from '../helpers.js';

const onePassOf = async (path: string, ctx: { file: string; warn: () => void }, size: number) => {
  const saved = process.env.FDLEAK_PARALLEL_MIN_BYTES;
  process.env.FDLEAK_PARALLEL_MIN_BYTES = '1e18';
  try {
    return await parseStraceFile(path, ctx, size);
  } finally {
    if (saved === undefined) delete process.env.FDLEAK_PARALLEL_MIN_BYTES;
    else process.env.FDLEAK_PARALLEL_MIN_BYTES = saved;
  }
};

/** parseStraceFile in two parts (FDLEAK_PARALLEL_MIN_BYTES=0). */
const twoPartsOf = async (path: string, ctx: { file: string; warn: () => void }, size: number, at?: number) => {
  const saved = process.env.FDLEAK_PARALLEL_MIN_BYTES;
  process.env.FDLEAK_PARALLEL_MIN_BYTES = '0';
  try {
    return await parseStraceFile(path, ctx, size, { at, read: 'parts' });
  } finally {
    if (saved === undefined) delete process.env.FDLEAK_PARALLEL_MIN_BYTES;
    else process.env.FDLEAK_PARALLEL_MIN_BYTES = saved;
  }
};

const JAVA = fixturePath('strace', 'java-cat-leak', 'f-tt-T-y.strace');
const JAVA_CTX = { file: 'f-tt-T-y.strace', warn: () => {} };

test('an idle warm worker is taken once; a dead one is replaced', async () => {
  const path = partWorkerPath();
  assert.ok(path, 'part-worker.js is built');
  const size = statSync(JAVA).size;
  const job = secondPartJob(JAVA, JAVA_CTX.file, size)!;
  const warm = warmPartWorker();
  assert.ok(warm);
  assert.equal(warmPartWorker(), warm, 'warming twice keeps one worker');
  const first = runPart(path, job);
  assert.equal(first.worker, warm);
  assert.equal(first.early, false, 'an idle worker gets its job now');
  const second = runPart(path, job);
  assert.notEqual(second.worker, warm, 'the second job gets a worker of its own');
  const dead = warmPartWorker()!;
  await dead.terminate();
  const third = runPart(path, job);
  assert.notEqual(third.worker, dead);
  const replies = await Promise.all([first, second, third].map((r) => r.reply));
  for (const r of replies) assert.ok('packed' in r, 'each worker read the part');
});

test('a warm worker reads the second part of a file', async () => {
  const size = statSync(JAVA).size;
  const onePass = await onePassOf(JAVA, JAVA_CTX, size);
  assert.ok(warmPartWorker());
  const twoParts = await twoPartsOf(JAVA, JAVA_CTX, size);
  assert.equal(twoParts.parts, 2, twoParts.whole);
  assert.equal(twoParts.early, false);
  assert.equal(twoParts.artifact.records, onePass.artifact.records);
  assert.deepEqual(analyzeStrace([{ file: JAVA_CTX.file, artifact: twoParts.artifact }]).rootCause, analyzeStrace([{ file: JAVA_CTX.file, artifact: onePass.artifact }]).rootCause);
});

test('a worker started on the part before the file is reached is the one used', async () => {
  const size = statSync(JAVA).size;
  const onePass = await onePassOf(JAVA, JAVA_CTX, size);
  // As warm.ts starts it: named by the file's base name, cut where parseStraceFile cuts.
  assert.ok(warmPartWorker(secondPartJob(JAVA, 'f-tt-T-y.strace', size)!));
  const twoParts = await twoPartsOf(JAVA, JAVA_CTX, size);
  assert.equal(twoParts.parts, 2, twoParts.whole);
  assert.equal(twoParts.early, true, 'the early worker was used');
  assert.equal(warmJob(), undefined, 'and taken');
  assert.equal(twoParts.artifact.records, onePass.artifact.records);
  assert.deepEqual(twoParts.artifact.threads, onePass.artifact.threads);
  assert.deepEqual(analyzeStrace([{ file: JAVA_CTX.file, artifact: twoParts.artifact }]).rootCause, analyzeStrace([{ file: JAVA_CTX.file, artifact: onePass.artifact }]).rootCause);
});

test('a worker that has read its part and exited before the file is reached still gives it', async () => {
  const size = statSync(JAVA).size;
  const onePass = await onePassOf(JAVA, JAVA_CTX, size);
  const early = warmPartWorker(secondPartJob(JAVA, 'f-tt-T-y.strace', size)!)!;
  // A warm worker does not hold the process open: the test holds it while it waits for the exit.
  early.ref();
  await new Promise((resolve) => early.once('exit', resolve));
  const twoParts = await twoPartsOf(JAVA, JAVA_CTX, size);
  assert.equal(twoParts.parts, 2, twoParts.whole);
  assert.equal(twoParts.early, true);
  assert.equal(twoParts.artifact.records, onePass.artifact.records);
  assert.deepEqual(twoParts.artifact.threads, onePass.artifact.threads);
});

test('a worker started on another part guessed wrong: it is stopped, and the file gets a worker of its own', async () => {
  const size = statSync(JAVA).size;
  const onePass = await onePassOf(JAVA, JAVA_CTX, size);
  // Another cut, and the same bytes under a -ff name (whose thread suffix changes how the file reads).
  const cases = [
    { early: secondPartJob(JAVA, 'f-tt-T-y.strace', size, { at: Math.floor(size / 3) })!, ctx: JAVA_CTX, at: undefined },
    { early: secondPartJob(JAVA, 'f-tt-T-y.strace', size, { at: Math.floor(size / 3) })!, ctx: { file: 'trace.4783', warn: () => {} }, at: Math.floor(size / 3) },
  ];
  for (const c of cases) {
    const early = warmPartWorker(c.early)!;
    const exited = new Promise<number>((resolve) => early.once('exit', resolve));
    const twoParts = await twoPartsOf(JAVA, c.ctx, size, c.at);
    assert.equal(twoParts.parts, 2, twoParts.whole);
    assert.equal(twoParts.early, false, `${c.ctx.file}: not the part the early worker reads`);
    if (c.ctx === JAVA_CTX) assert.equal(twoParts.artifact.records, onePass.artifact.records);
    assert.equal(warmJob(), undefined);
    await exited;
  }
});

test('start-up: a big input strace capture is found by its first lines and its part started', () => {
  const dir = fixturePath('strace', 'java-cat-leak');
  const big = filesOver(dir, 0).map((f) => f.path);
  assert.ok(big.includes(JAVA));
  assert.equal(looksLikeStrace(JAVA), true);
  assert.equal(looksLikeStrace(fixturePath('strace', 'java-cat-leak', 'ff', readdirSync(fixturePath('strace', 'java-cat-leak', 'ff'))[0])), true);
  for (const other of ['jstack.txt', 'proc-fd.txt', 'cat_20261125.log', 'meta.json']) {
    assert.equal(looksLikeStrace(fixturePath('strace', 'java-cat-leak', other)), false, other);
  }
  assert.equal(looksLikeStrace(resolve(ROOT, 'no-such-file')), false);
  assert.deepEqual(filesOver(dir, 1e12), [], 'nothing over the size');
});

test('start-up: warmUp starts the worker on the biggest strace capture of the input, and only on strace', async () => {
  const saved = process.env.FDLEAK_PARALLEL_MIN_BYTES;
  process.env.FDLEAK_PARALLEL_MIN_BYTES = '0';
  // Only a two-part read has a part to start early; the default pipelined read starts its worker itself.
  warmUp(['analyze', fixturePath('strace', 'java-cat-leak')]);
  assert.equal(warmJob(), undefined, 'nothing is started for a pipelined read');
  process.env.FDLEAK_STRACE_READ = 'parts';
  try {
    warmUp(['analyze', fixturePath('strace', 'java-cat-leak')]);
    const job = warmJob();
    assert.ok(job, 'a strace capture was found');
    const captures = filesOver(fixturePath('strace', 'java-cat-leak'), 0).filter((f) => looksLikeStrace(f.path));
    assert.equal(statSync(job.path).size, Math.max(...captures.map((f) => f.size)));
    assert.deepEqual(job, secondPartJob(job.path, basename(job.path), statSync(job.path).size));
    assert.ok(isAbsolute(job.path));
    const early = runPart(partWorkerPath()!, job);
    assert.equal(early.early, true);
    assert.ok('packed' in (await early.reply));
    // The input named relative to the working folder, the file reached by its absolute path (or the
    // other way round): the same part.
    const rel = relative(process.cwd(), fixturePath('strace', 'java-cat-leak'));
    assert.ok(!isAbsolute(rel));
    warmUp(['analyze', rel]);
    const relJob = warmJob()!;
    assert.ok(isAbsolute(relJob.path));
    const twoParts = await twoPartsOf(relative(process.cwd(), relJob.path), { file: basename(relJob.path), warn: () => {} }, statSync(relJob.path).size);
    assert.equal(twoParts.early, true, 'a relative path reaches the early worker');
    // No strace in the input: the worker is only warmed up.
    warmUp(['report', resolve(ROOT, 'samples', 'flume-redis-host')]);
    assert.equal(warmJob(), undefined);
    const idle = runPart(partWorkerPath()!, secondPartJob(JAVA, JAVA_CTX.file, statSync(JAVA).size)!);
    assert.equal(idle.early, false);
    await idle.reply;
    // Not a reading command: nothing starts.
    warmUp(['collect', fixturePath('strace', 'java-cat-leak')]);
    assert.equal(warmJob(), undefined);
  } finally {
    delete process.env.FDLEAK_STRACE_READ;
    if (saved === undefined) delete process.env.FDLEAK_PARALLEL_MIN_BYTES;
    else process.env.FDLEAK_PARALLEL_MIN_BYTES = saved;
  }
});

test('CLI: a big input warms the worker up (two parts) or starts the prescan worker (pipelined); the analysis is the one-pass analysis, used or not', () => {
  const bin = resolve(ROOT, 'bin', 'fdleak.js');
  const run = (bundle: string, minBytes?: string, read = 'parts') => {
    const env = { ...process.env, FDLEAK_PARALLEL_MIN_BYTES: minBytes, FDLEAK_STRACE_READ: read };
    if (minBytes === undefined) delete env.FDLEAK_PARALLEL_MIN_BYTES;
    const r = spawnSync(process.execPath, [bin, 'analyze', bundle, '--json'], { cwd: ROOT, encoding: 'utf8', env, timeout: 60_000 });
    assert.notEqual(r.status, null, `${bundle}: the process did not exit (${r.signal})`);
    const json = JSON.parse(r.stdout);
    delete json.generatedAt;
    return { status: r.status, json };
  };
  // flume-redis-host has no strace capture: the warm worker idles and must not keep the process alive.
  const flume = [run('samples/flume-redis-host'), run('samples/flume-redis-host', '0')];
  assert.equal(flume[1].status, flume[0].status);
  assert.deepEqual(flume[1].json, flume[0].json);
  // tomcat-cat-leak's strace capture is read in two parts at 0 bytes, by the warm worker: the
  // same analysis, records included.
  const [onePass, twoParts] = [run('samples/tomcat-cat-leak'), run('samples/tomcat-cat-leak', '0')];
  assert.equal(twoParts.status, onePass.status);
  assert.deepEqual(twoParts.json, onePass.json);
  const pipelined = run('samples/tomcat-cat-leak', '0', 'pipeline');
  assert.equal(pipelined.status, onePass.status);
  assert.deepEqual(pipelined.json, onePass.json);
});

