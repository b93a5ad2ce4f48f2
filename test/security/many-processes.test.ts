// A host's ps (or a hostile one) lists tens of thousands of processes: the analysis takes time
// linear in their number. Every process's case once scanned every process for its children
// (40,000 processes: 29 s); ten times the processes must take about ten times as long.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { linear } from './linear-worker.js';

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
