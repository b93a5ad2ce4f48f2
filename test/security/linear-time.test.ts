// Item 2 of issue 18: every parser's detect and sink, and every other function that reads a
// bundle's text, take time linear in the length of a line. Each is fed long runs of every printable ASCII character and of the shapes that made patterns here
// backtrack, at 5 KB and at 50 KB, and must take about ten times as long on the longer (a
// quadratic pattern takes a hundred times, an exponential one never ends: the worker is stopped).
// At these sizes a quadratic cost of 0.03 ns per step (pairs of characters) already fails.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DETECT_LINE_CHARS, ingest } from '../../src/sources/parse.js';
import type { SourceParser } from '../../src/sources/parser.js';
import { PARSERS } from '../../src/sources/registry.js';
import { linear, TEXT_FUNCTIONS, type Timing, type WorkerInput } from './linear-worker.js';

const SMALL = 5_000;
const BIG = 50_000;
/** A parser's runs take well under a second each; this is for one that never ends. */
const DEADLINE_MS = 60_000;

/**
 * One worker times every target, one at a time (loading the parsers once): each measures its
 * process's CPU time, which a second worker would advance. A target that never ends is stopped with
 * its worker, and the next target gets a new one.
 */
let worker: Worker | undefined;
after(() => worker?.terminate());

function timeTarget(target: string): Promise<Timing[]> {
  worker ??= new Worker(new URL('./linear-worker.js', import.meta.url), { workerData: true });
  const w = worker;
  return new Promise((resolve, reject) => {
    let running = '(start-up)';
    const done = () => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
    };
    const timer = setTimeout(() => {
      done();
      void w.terminate();
      worker = undefined;
      reject(new Error(`${target}: still running "${running}" after ${DEADLINE_MS / 1000} s: super-linear`));
    }, DEADLINE_MS);
    const onMessage = (m: { running?: string; done?: Timing[] }) => {
      if (m.running) running = m.running;
      if (m.done) {
        done();
        resolve(m.done);
      }
    };
    const onError = (err: Error) => {
      done();
      worker = undefined;
      reject(err);
    };
    w.on('message', onMessage);
    w.on('error', onError);
    const input: WorkerInput = { target, small: SMALL, big: BIG };
    w.postMessage(input);
  });
}

const TARGETS = [
  ...PARSERS.map((p) => ({ name: p.id, what: 'detect and parse take' })),
  ...Object.keys(TEXT_FUNCTIONS).map((name) => ({ name, what: 'functions take' })),
];

for (const { name, what } of TARGETS) {
  test(`${name}: ${what} linear time on 5 KB and 50 KB lines of every character and hostile shape`, async () => {
    const timings = await timeTarget(name);
    const slow = timings.filter((t) => !linear(t.small, t.big, BIG / SMALL));
    assert.deepEqual(
      slow.map((t) => `${t.label}: ${t.small.toFixed(1)} CPU ms at ${SMALL / 1000} KB, ${t.big.toFixed(1)} CPU ms at ${BIG / 1000} KB`),
      [],
    );
  });
}

test('detect sees at most DETECT_LINE_CHARS characters of a line, in one place for every file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-detect-'));
  try {
    writeFileSync(join(dir, 'long.txt'), `${'x'.repeat(60_000)}\nshort\n`);
    const seen: number[] = [];
    const spy: SourceParser = {
      id: 'spy',
      title: 'spy',
      detect: ({ head }) => {
        seen.push(...head.map((l) => l.length));
        return 0;
      },
      sink: () => ({ line: () => undefined, end: () => ({ records: 0 }) }),
    };
    await ingest(dir, [spy]);
    assert.deepEqual(seen, [DETECT_LINE_CHARS, 5]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
