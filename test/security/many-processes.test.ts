// A host's ps (or a hostile one) lists tens of thousands of processes, a journal as many pids. The
// analysis takes time linear in their number (every process's case once scanned every process for
// its children: 40,000 processes took 29 s), and what it keeps per pid is capped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { linear } from './linear-worker.js';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';

/** `ps -ef` of n workers, half of them children of another worker. */
function ps(n: number): string {
  const rows = ['UID          PID    PPID  C STIME TTY          TIME CMD'];
  for (let i = 2; i < n + 2; i++) rows.push(`root     ${i} ${i % 2 ? 1 : i - 1}  0 10:00 ?        00:00:00 /usr/bin/worker --id ${i}`);
  return rows.join('\n') + '\n';
}

async function cpuMs(file: string): Promise<number> {
  const t = process.cpuUsage();
  await analyzeBundle(file, { now: new Date('2026-01-01T00:00:00Z') });
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

test('the analysis of a ps listing takes time linear in its processes (2,000 and 20,000)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-ps-'));
  try {
    writeFileSync(join(dir, 'small.txt'), ps(2000));
    writeFileSync(join(dir, 'big.txt'), ps(20000));
    await cpuMs(join(dir, 'small.txt')); // modules loaded, code compiled
    const small = Math.min(await cpuMs(join(dir, 'small.txt')), await cpuMs(join(dir, 'small.txt')));
    const big = await cpuMs(join(dir, 'big.txt'));
    assert.ok(linear(small, big, 10), `${small.toFixed(0)} CPU ms for 2,000 processes, ${big.toFixed(0)} for 20,000`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a journal naming 50,000 distinct pids: every line counted, at most 10,000 pids counted apart (memory stays flat)', () => {
  const lines = Array.from({ length: 50_000 }, (_, i) => `Dec  5 10:00:01 host worker[${100000 + i}]: accept: Too many open files`);
  const { artifact } = parseLines(appLog, lines, { file: 'journal.txt' });
  assert.equal(artifact.exhaustion.emfile, 50_000);
  assert.equal(Object.keys(artifact.exhaustion.byPid).length, 10_000);
});
