// A folder's fd is a file the program opened (docs/diagnosis.md, "Leak kinds"): when a suspect's
// listing shows no leak kind but folders beside live TCP and devices, its kind is `file` — as the
// same fds read in `ls -l /proc/PID/fd`, whose links name paths — not `other`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// hashicorp/nomad#2024: `lsof -p <nomad pid>`, truncated by the reporter; every row a DIR fd of two
// allocations' log folders, at fd 10817 and above.
const A = '/var/lib/ssi/nomad/alloc/32b3a6a3-7fde-418b-2006-7c65b8ec1660/alloc/logs';
const B = '/var/lib/ssi/nomad/alloc/bd1fa749-7fa1-da62-faf1-8a3187ecc508/alloc/logs';
const NOMAD = [
  'See below - truncated output from `lsof -p <nomad pid>`',
  '',
  '```',
  `nomad   2449 root *810r      DIR             202,81     4096 2621596 ${A}`,
  `nomad   2449 root *811r      DIR             202,81     4096 2621588 ${B}`,
  `nomad   2449 root *812r      DIR             202,81     4096 2621588 ${B}`,
  `nomad   2449 root *813r      DIR             202,81     4096 2621596 ${A}`,
  `nomad   2449 root *814r      DIR             202,81     4096 2621588 ${B}`,
  `nomad   2449 root *815r      DIR             202,81     4096 2621588 ${B}`,
  `nomad   2449 root *816r      DIR             202,81     4096 2621596 ${A}`,
  `nomad   2449 root *817r      DIR             202,81     4096 2621588 ${B}`,
  '```',
];

test("lsof's DIR fds of a suspect are files, not a kind no leak is (nomad's alloc log folders)", async () => {
  const r = await analyzeTranscript(NOMAD, 'transcript.md', now);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0].pid, 2449);
  assert.equal(r.suspects[0].leak.kind, 'file');
});

test("lsof's cwd and rtd folders are no fds: a listing of them and live TCP alone stays `other`", async () => {
  const r = await analyzeTranscript(
    [
      '```',
      '$ lsof -p 2449',
      'COMMAND  PID USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME',
      'nomad   2449 root  cwd    DIR 202,81     4096       2 /',
      'nomad   2449 root  rtd    DIR 202,81     4096       2 /',
      ...[810, 811, 812, 813].map(
        (n) => `nomad   2449 root *${n}u  IPv4 1${n}      0t0     TCP 10.0.0.1:4646->10.0.0.2:${40000 + n} (ESTABLISHED)`,
      ),
      '```',
    ],
    'transcript.md',
    now,
  );
  assert.equal(r.suspects[0]?.pid, 2449);
  assert.equal(r.suspects[0].leak.kind, 'other');
});
