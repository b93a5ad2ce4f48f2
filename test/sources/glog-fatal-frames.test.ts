import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { isStackLine } from '../../src/sources/stack-lines.js';
import { appLog } from '../../src/sources/app-log.js';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

// ray-project/ray#10585: the raylet's fatal glog record, relayed by the Ray driver, wrapped by the
// terminal onto a second line, then glog's check-failure stack (trailing blanks as pasted).
const RAYLET = [
  '(pid=raylet) F0904 14:25:50.808766  6518 319638976 worker_pool.cc:364] Failed to start worker with return value',
  ` system:24: Too many open files${' '.repeat(80)}`,
  `(pid=raylet) *** Check failure stack trace: ***${' '.repeat(64)}`,
  `(pid=raylet)     @        0x109cae112  google::LogMessage::~LogMessage()${' '.repeat(39)}`,
  `(pid=raylet)     @        0x109c4adc5  ray::RayLog::~RayLog()${' '.repeat(50)}`,
  '(pid=raylet)     @        0x10983d96e  ray::raylet::WorkerPool::StartProcess()',
  '(pid=raylet)     @        0x10983b04f  ray::raylet::WorkerPool::StartWorkerProcess()',
  '(pid=raylet)     @        0x109841707  ray::raylet::WorkerPool::PopWorker()',
];

test("glog's fatal report is a stack: its header and its frames", () => {
  assert.ok(isStackLine('*** Check failure stack trace: ***'));
  assert.ok(isStackLine('    @        0x109cae112  google::LogMessage::~LogMessage()'));
  assert.ok(isStackLine('    @     0x7f4e8d5a3b4d  (unknown)'));
  assert.ok(isStackLine('*** Aborted at 1621963152 (unix time) try "date -d @1621963152" if you are using GNU date ***'));
  assert.ok(isStackLine('*** SIGSEGV (@0x0) received by PID 30268 (TID 0x7f79c0265840) from PID 0; stack trace: ***'));
  assert.ok(isStackLine('PC: @                0x0 (unknown)'));
  assert.ok(!isStackLine('    @ home, see the notes'));
  assert.ok(!isStackLine('*** Check this out ***'));
});

test("the raylet's record and its stack, each line under Ray's relay prefix, read as a log that ran out", () => {
  assert.ok(appLog.detect({ head: RAYLET, name: 'paste.txt' }) > 0);
});

test('the Ray case: inconclusive, raylet named without a pid, the wrapped EMFILE line quoted', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-ray-raylet-worker-pool-system24-wrapped-glog', 'transcript.md'), {
    now: new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.command, 'raylet');
  assert.equal(result.suspects[0]?.pid, null);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /system:24: Too many open files/);
});
