// A tracer's perf events and BPF objects are no pile of their own — unless the process's fds climb
// between runs: then they are being made again and again (a BPF map per request, never closed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const analyzeLines = (lines: string[]) => analyzeTranscript(lines, 'transcript.md', now);

// Captured case c-bpfcache-bpf-map-per-request-lsfd-tail-counts (round 280).
const MAP_ROWS = [268, 269, 270, 271, 272, 273, 274, 275, 276, 277].map(
  (fd) => `bpfcache 28988 root    ${fd}  rw- UNKN anon_inodefs    17       1038 anon_inode:bpf-map`,
);
const bpfcache = (first: string, second: string) => [
  '```',
  'root@vm:~# ls /proc/28988/fd | wc -l',
  first,
  'root@vm:~# ls /proc/28988/fd | wc -l',
  second,
  'root@vm:~# lsfd -p 28988 | tail -n 10',
  ...MAP_ROWS,
  'root@vm:~# prlimit --pid 28988 --nofile',
  'RESOURCE DESCRIPTION               SOFT  HARD UNITS',
  'NOFILE   max number of open files 20000 20000 files',
  '```',
];

test('counts 128 then 277 beside lsfd rows all bpf-map: a leak of anonymous inodes', async () => {
  const result = await analyzeLines(bpfcache('128', '277'));
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.pid, 28988);
  assert.equal(s.leak?.kind, 'anon-inode');
  assert.equal(s.reasons.find((r) => r.signal === 'listed-kind-share')?.kind, 'anon-inode');
});

test('the same bpf-map rows with a steady count: a tracer holding its maps, no share of them', async () => {
  const result = await analyzeLines(bpfcache('277', '277'));
  assert.notEqual(result.verdict, 'leak');
  assert.ok(!result.suspects[0]?.reasons.some((r) => r.signal === 'listed-kind-share'));
});
