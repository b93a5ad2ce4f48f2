// The part worker the CLI warms up while it loads: taken once, replaced when it died, and never
// holding the process open when no strace file needed it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { partWorkerPath, takePartWorker, warmPartWorker } from '../../src/strace/worker-pool.js';
import { parseStraceFile } from '../../src/strace/parallel.js';
import { analyzeStrace } from '../../src/strace/analyze.js';
import { ROOT, fixturePath } from '../helpers.js';

test('the warm worker is taken once; a dead one is replaced', async () => {
  const path = partWorkerPath();
  assert.ok(path, 'part-worker.js is built');
  const warm = warmPartWorker();
  assert.ok(warm);
  assert.equal(warmPartWorker(), warm, 'warming twice keeps one worker');
  const first = takePartWorker(path);
  assert.equal(first, warm);
  const second = takePartWorker(path);
  assert.notEqual(second, warm, 'the second job gets a worker of its own');
  const dead = warmPartWorker()!;
  await dead.terminate();
  const third = takePartWorker(path);
  assert.notEqual(third, dead);
  await Promise.all([first, second, third].map((w) => w.terminate()));
});

test('a warm worker reads the second part of a file', async () => {
  const path = fixturePath('strace', 'java-cat-leak', 'f-tt-T-y.strace');
  const size = statSync(path).size;
  const ctx = { file: 'f-tt-T-y.strace', warn: () => {} };
  const saved = process.env.FDLEAK_PARALLEL_MIN_BYTES;
  try {
    process.env.FDLEAK_PARALLEL_MIN_BYTES = '1e18';
    const onePass = await parseStraceFile(path, ctx, size);
    process.env.FDLEAK_PARALLEL_MIN_BYTES = '0';
    assert.ok(warmPartWorker());
    const twoParts = await parseStraceFile(path, ctx, size);
    assert.equal(twoParts.parts, 2, twoParts.whole);
    assert.equal(twoParts.artifact.records, onePass.artifact.records);
    assert.deepEqual(analyzeStrace([{ file: ctx.file, artifact: twoParts.artifact }]).rootCause, analyzeStrace([{ file: ctx.file, artifact: onePass.artifact }]).rootCause);
  } finally {
    if (saved === undefined) delete process.env.FDLEAK_PARALLEL_MIN_BYTES;
    else process.env.FDLEAK_PARALLEL_MIN_BYTES = saved;
  }
});

test('CLI: a big input warms the worker up; the analysis is the one-pass analysis, used or not', () => {
  const bin = resolve(ROOT, 'bin', 'fdleak.js');
  const run = (bundle: string, minBytes?: string) => {
    const env = { ...process.env, FDLEAK_PARALLEL_MIN_BYTES: minBytes };
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
});

