// An excerpt of one leaking kind, from a process that ran out of fds: its running out says it held
// many fds (its whole limit), as a count would, so the excerpt's share points at that kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// savonet/liquidsoap#865: the error, then the reporter's lsof excerpt (`[...]` above it).
const ERROR = '`[threads:2] Queue generic queue #5 crashed with exception Too many open files in pipe()`';
const PIPES = [
  '[...]',
  'liquidsoa 13126 liquidsoap   19r  FIFO    0,12      0t0 1175655 pipe',
  'liquidsoa 13126 liquidsoap   21r  FIFO    0,12      0t0 1174420 pipe',
  'liquidsoa 13126 liquidsoap   22r  FIFO    0,12      0t0 1176665 pipe',
  'liquidsoa 13126 liquidsoap   23r  FIFO    0,12      0t0 1175657 pipe',
  'liquidsoa 13126 liquidsoap   24r  FIFO    0,12      0t0 1177727 pipe',
  'liquidsoa 13126 liquidsoap   25r  FIFO    0,12      0t0 1175949 pipe',
  'liquidsoa 13126 liquidsoap   26r  FIFO    0,12      0t0 1174422 pipe',
  'liquidsoa 13126 liquidsoap   27r  FIFO    0,12      0t0 1176066 pipe',
  'liquidsoa 13126 liquidsoap   28r  FIFO    0,12      0t0 1176667 pipe',
  'liquidsoa 13126 liquidsoap   29r  FIFO    0,12      0t0 1178101 pipe',
  'liquidsoa 13126 liquidsoap   30r  FIFO    0,12      0t0 1177729 pipe',
];

const analyzeLines = (lines: string[]) => analyzeTranscript(lines, 'transcript.md', now);

test('an excerpt of pipes at fds 19-30 beside "Too many open files in pipe()": a pipe leak of that pid', async () => {
  const result = await analyzeLines(['The error:', '', ERROR, '', 'The listing from `lsof`:', '', '```', ...PIPES, '```']);
  assert.equal(result.verdict, 'leak');
  const s = result.suspects[0];
  assert.equal(s.pid, 13126);
  assert.equal(s.leak.kind, 'pipe');
  const share = s.reasons.find((r) => r.signal === 'listed-kind-share');
  assert.equal(share?.weight, 1);
  assert.match(share?.statement ?? '', /ran out of fds: it held its whole limit then/);
});

test('the same excerpt with no sign of running out stays a few fds: no share, no leak', async () => {
  const result = await analyzeLines(['The listing from `lsof`:', '', '```', ...PIPES, '```']);
  assert.notEqual(result.verdict, 'leak');
  assert.ok(!result.suspects[0]?.reasons.some((r) => r.signal === 'listed-kind-share'));
});

test('under a limit too small for any program, running out says nothing of a pile', async () => {
  const limits = [
    '```',
    '$ cat /proc/13126/limits',
    'Limit                     Soft Limit           Hard Limit           Units',
    'Max open files            32                   32                   files',
    '```',
  ];
  const result = await analyzeLines(['The error:', '', ERROR, '', ...limits, '', '```', ...PIPES, '```']);
  assert.ok(!result.suspects[0]?.reasons.some((r) => r.signal === 'listed-kind-share'));
});

// dkron-io/dkron#1004: the leader's journal line (quoted inline by the reporter), then the lsof rows
// of its fds 27-38 the stored copy of the thread holds: six pipes beside three unix sockets, two
// listeners and a UDP socket — the first fds of a Go server, half of them pipes.
const ACCEPT_ERROR =
  'Hi, I just receive this message in journalctl : `Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in 40ms`';
const DKRON = [
  'dkron     108532                     root   27r     FIFO               0,13       0t0   83987518 pipe',
  'dkron     108532                     root   28u     unix 0xffff9a7b3996c000       0t0   83987527 type=STREAM',
  'dkron     108532                     root   29r     FIFO               0,13       0t0   83987519 pipe',
  'dkron     108532                     root   30r     FIFO               0,13       0t0   83987528 pipe',
  'dkron     108532                     root   31u     unix 0xffff9a7b3996fa80       0t0   83987531 type=STREAM',
  'dkron     108532                     root   32r     FIFO               0,13       0t0   83987529 pipe',
  'dkron     108532                     root   33r     FIFO               0,13       0t0   83987534 pipe',
  'dkron     108532                     root   34u     unix 0xffff9a7a88a71f80       0t0   83944582 type=STREAM',
  'dkron     108532                     root   35r     FIFO               0,13       0t0   83987535 pipe',
  'dkron     108532                     root   36u     IPv4           83987551       0t0        TCP 192.168.100.21:8946 (LISTEN)',
  'dkron     108532                     root   37u     IPv4           83987552       0t0        UDP 192.168.100.21:8946',
  'dkron     108532                     root   38u     IPv4           83987559       0t0        TCP 192.168.100.21:acctopus-cc (LISTEN)',
];

test("a ran-out process's first fds, half of them pipes: no kind is most of them, it stays ran-out only", async () => {
  const result = await analyzeLines([ACCEPT_ERROR, '', '```', ...DKRON, '```']);
  assert.equal(result.verdict, 'inconclusive');
  const s = result.suspects[0];
  assert.equal(s.pid, 108532);
  assert.ok(!s.reasons.some((r) => r.signal === 'listed-kind-share'));
  assert.ok(s.reasons.some((r) => r.signal === 'emfile-in-log'));
});

test('the same first fds with one unix row fewer: pipes are more than half, and point', async () => {
  const rows = DKRON.filter((r) => !r.includes(' 34u '));
  const result = await analyzeLines([ACCEPT_ERROR, '', '```', ...rows, '```']);
  const share = result.suspects[0].reasons.find((r) => r.signal === 'listed-kind-share');
  assert.equal(share?.kind, 'pipe');
  assert.equal(share?.weight, 1);
});
