// unbound's log prefix, `[EPOCH] ident[pid:tid] level: `, names the writer's pid (src/sources/log-pids.ts).
// Real lines: monero-project/monero#389 (test/accuracy/cases/gh-monero-bitmonerod-libunbound-socket-emfile-segfault-log),
// bitmonerod's embedded libunbound running out of fds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource, unboundSource } from '../../src/sources/log-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const LINE = "[1440565113] libunbound[7241:0] error: can't create socket: Too many open files";

test('unbound prefix: the pid before the colon; libunbound names no process, the daemon does', () => {
  assert.deepEqual(unboundSource(LINE), { pid: 7241 });
  assert.deepEqual(syslogSource(LINE), { pid: 7241 });
  assert.deepEqual(unboundSource("[1632133444] unbound[812:3] error: can't create socket: Too many open files"), {
    program: 'unbound',
    pid: 812,
  });
  // Not this shape: no level word, no thread, a short bracketed number.
  assert.equal(unboundSource("[1440565113] libunbound[7241:0] can't create socket"), null);
  assert.equal(unboundSource('[1440565113] libunbound[7241] error: x'), null);
  assert.equal(unboundSource('[1] 12345'), null);
});

test("bitmonerod's log: libunbound's lines blame pid 7241", async () => {
  const text = [
    'Output:',
    '```',
    LINE,
    LINE,
    '[warn] epoll_create: Too many open files',
    '[err] evsig_init: socketpair: Too many open files',
    './start.sh: line 2:  7241 Segmentation fault      (core dumped) bitmonero/build/release/bin/bitmonerod --no-igd',
    '```',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 7241);
});
