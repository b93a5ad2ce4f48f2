// Sockets of a type the listing does not show (lsfd 2.38's `TCP:[N]`, `ls -l`'s `socket:[N]`) point at
// a process only while nothing tells a busy server from a leak: a count shown flat across timed
// samples, under half its own limit, does. Round 193's captured go-edge-prom-busy-lsfd-steady: two
// scrapes of `process_open_fds` a minute apart (610, 610 of 20000) beside a full `lsfd -p 23496`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';

const CASE = join(CASES_DIR, 'go-edge-prom-busy-lsfd-steady', 'transcript.md');
const NOW = { now: new Date('2026-12-08T00:00:00Z') };

test('a busy server held flat across timed scrapes: no socket-pile, no-leak', async () => {
  const { result } = await analyzeBundle(CASE, NOW);
  assert.equal(result.verdict, 'no-leak');
  assert.equal(result.suspects.length, 0);
});

test('the same listing without the timed scrapes: the sockets still point (socket-pile 1)', async () => {
  const text = readFileSync(CASE, 'utf8');
  // Drop the two `date; curl …/metrics` blocks: the listing and the limits stay.
  const kept = text.slice(text.indexOf('$ pgrep -x edge') - 4);
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-steady-'));
  const file = join(dir, 'transcript.md');
  writeFileSync(file, kept);
  const { result } = await analyzeBundle(file, NOW);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0].pid, 23496);
  assert.equal(result.suspects[0].reasons.find((r) => r.signal === 'socket-pile')?.weight, 1);
});

// Round 203's captured java-pool-emfile-estab-tally-inconclusive: `ls -l /proc/6829/fd | grep -c
// socket` = 508 beside `ss -tanp | grep 'pid=6829,' | awk '{print $1}' | sort | uniq -c` = 507 ESTAB,
// and the pool's own `Too many open files`: the sockets' type and state are shown (live connections).
const JAVA = join(CASES_DIR, 'java-pool-emfile-estab-tally-inconclusive', 'transcript.md');

test('socket links a connection tally shows to be live TCP sockets are no pile of unknown type', async () => {
  const { result } = await analyzeBundle(JAVA, NOW);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0].pid, 6829);
  assert.ok(!result.suspects[0].reasons.some((r) => r.signal === 'socket-pile'));
});

test('the same socket link count without the tally by state: the sockets still point (socket-pile 1)', async () => {
  const text = readFileSync(JAVA, 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-links-'));
  const file = join(dir, 'transcript.md');
  writeFileSync(file, text.slice(0, text.indexOf('root@vm:~# ss -tanp')) + '```\n');
  const { result } = await analyzeBundle(file, NOW);
  const pile = result.suspects[0].reasons.find((r) => r.signal === 'socket-pile');
  assert.equal(pile?.weight, 1);
  assert.equal(pile?.count, 508);
});
