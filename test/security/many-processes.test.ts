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
import { renderReport } from '../../src/report/render.js';
import { analyzeTranscript } from '../analyze-transcript.js';

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

test('a host of 15 processes that leak alike: ten suspects listed, the rest counted, one finding per kind lists them', async () => {
  const rows = ['COMMAND     PID USER   FD   TYPE DEVICE SIZE/OFF   NODE NAME'];
  for (let p = 0; p < 15; p++) {
    const pid = 3000 + p;
    for (let fd = 3; fd < 400 + p; fd++)
      rows.push(`worker    ${pid} app  ${String(fd).padStart(4)}u  sock    0,9      0t0 ${String(40000 + fd).padStart(6)} protocol: TCP`);
  }
  const result = await analyzeTranscript(rows.join('\n') + '\n', 'lsof.txt', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'leak');
  assert.deepEqual(
    result.suspects.map((s) => s.pid),
    [3014, 3013, 3012, 3011, 3010, 3009, 3008, 3007, 3006, 3005],
  );
  assert.equal(result.unlistedSuspects, 5);
  assert.equal(result.processes?.length, 15);
  const unconnected = result.findings.filter((f) => f.id === 'unconnected-sockets');
  assert.equal(unconnected.length, 11);
  const rest = unconnected[10];
  assert.equal(rest.title, '5 more processes with sockets in no connection table');
  assert.equal(rest.status, 'fail');
  assert.match(
    rest.detail,
    /^Sockets in no connection table: pid 3004 \(worker\): 401; pid 3003 \(worker\): 400; .*pid 3000 \(worker\): 397\.$/,
  );
  const md = (await renderReport(result, 'md')) as string;
  // The ticket summary shows the lead and three candidates: 11 more of the 15.
  assert.match(md, /and 11 more processes like them/);
});
