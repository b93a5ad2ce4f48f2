// `sleep` and a pod's `pause` open no fd at all: any of 3 and above came through execve, the
// inherited kind with nobody shown passing it — no health. Real lines: crun#110 (`sleep` holding
// containerd-shim's socket, gh-crun-poc-sleep-lsof-shim-socket-fd3) and DynamoRIO#2884 (`sleep`
// holding drrun's /bin/sleep on fd 3, gh-dynamorio-drrun-leaks-exe-fd-to-sleep-negative).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const caseText = (id: string) => readFileSync(join(CASES_DIR, id, 'transcript.md'), 'utf8');

test("crun's sleep holding containerd-shim's socket on fd 3 is no healthy listing: inconclusive, nobody blamed, the parent's listing decides", async () => {
  const result = await analyzeTranscript(caseText('gh-crun-poc-sleep-lsof-shim-socket-fd3'), 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.summary, /pid 12215 \(sleep\) holds an fd beside its standard streams, fd 3 \(@\/containerd-shim\//);
  assert.match(result.summary, /ls -l \/proc\/PPID\/fd/);
  assert.doesNotMatch(result.summary, /does not show which process holds/);
});

test("DynamoRIO's sleep holding /bin/sleep on fd 3 (drrun's, not close-on-exec) reads the same", async () => {
  const result = await analyzeTranscript(caseText('gh-dynamorio-drrun-leaks-exe-fd-to-sleep-negative'), 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.summary, /fd 3 \(\/bin\/sleep\), and sleep opens none/);
});

test('a sleep with its standard streams alone, or another program with fd 3, gets no such reading', async () => {
  const header = 'COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME';
  const stdio = [
    '$ lsof -p 4100',
    header,
    'sleep   4100 root    0r   CHR    1,3      0t0   11168 /dev/null',
    'sleep   4100 root    1w  FIFO   0,12      0t0  571231 pipe',
    'sleep   4100 root    2w  FIFO   0,12      0t0  571232 pipe',
  ];
  const quiet = await analyzeTranscript(stdio, 'transcript.md', now);
  assert.doesNotMatch(quiet.summary, /opens none/);
  const daemon = [
    '$ lsof -p 4200',
    header,
    'sleepd  4200 root    0r   CHR    1,3      0t0   11168 /dev/null',
    'sleepd  4200 root    1w  FIFO   0,12      0t0  571231 pipe',
    'sleepd  4200 root    2w  FIFO   0,12      0t0  571232 pipe',
    'sleepd  4200 root    3u  unix 0xffff993efdcf9c00      0t0  571223 /run/sleepd.sock type=STREAM',
  ];
  const other = await analyzeTranscript(daemon, 'transcript.md', now);
  assert.doesNotMatch(other.summary, /opens none/);
});
