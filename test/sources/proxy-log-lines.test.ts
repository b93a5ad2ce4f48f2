// Network daemons' own words for running out of fds, from real pastes: NGINX Unit's log header
// (nginx/unit#628, test/accuracy/cases/gh-nginx-unit-accept4-pid-tid-alert).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';

const now = new Date('2026-01-01T00:00:00Z');

async function analyzeText(text: string, name = 'transcript.md') {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-proxy-log-'));
  try {
    writeFileSync(join(dir, name), text);
    return (await analyzeBundle(join(dir, name), { now })).result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const UNIT = [
  '2021/12/26 19:29:51 [info] 23661#23748 no available connections, close idle connection',
  '2021/12/26 19:29:51 [alert] 23661#23753 accept4(29) failed (24: Too many open files)',
].join('\n');

test("NGINX Unit's `PID#TID ` header (no colon) names the process that ran out", async () => {
  const result = await analyzeText(`${UNIT}\n`, 'unit.log');
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 23661);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Too many open files/);
});

test('the thread id after # and the fd in accept4(29) are no pids', async () => {
  const result = await analyzeText(`${UNIT}\n`, 'unit.log');
  const pids = result.suspects.map((s) => s.pid);
  assert.ok(!pids.includes(23753) && !pids.includes(23748) && !pids.includes(29));
});
