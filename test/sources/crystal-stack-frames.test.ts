// Crystal's backtrace frames under an uncaught exception (src/sources/stack-lines.ts CRYSTAL_FRAME).
// Real lines: Amber's crash in amberframework/amber#108
// (test/accuracy/cases/gh-amber-wrk-1015-conns-accept-emfile-log-only), Kemal's in kemalcr/kemal#506
// (gh-kemal-crystal-accept-emfile-ulimit-65536).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStackLine } from '../../src/sources/stack-lines.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const AMBER = [
  'Params: =index.html',
  'accept: Too many open files (Errno)',
  '0x10defddc5: *CallStack::new:CallStack at ??',
  '0x10df00a6e: *raise<Errno>:NoReturn at ??',
  '0x10dfbb065: *Amber::Server#start:Nil at ??',
  '0x10defbfa2: __crystal_main at ??',
  '0x10df24bdb: main at ??',
];

test("Crystal's frames are stack lines: `0x…: fn at ??`, `from file.cr:L:C in 'fn'`, `from ???`, `[0x…] fn +N`", () => {
  for (const l of AMBER.slice(2)) assert.ok(isStackLine(l), l);
  assert.ok(isStackLine("  from /crystal/src/socket.cr:246:11 in 'accept_impl'"));
  assert.ok(isStackLine("  from  /crystal/share/crystal/src/socket/tcp_server.cr:102:20 in 'accept?'"));
  assert.ok(isStackLine('  from ???'));
  assert.ok(isStackLine('[0x45d4e6] *CallStack::unwind:Array(Pointer(Void)) +70'));
  assert.ok(!isStackLine('Params: =index.html'));
  assert.ok(!isStackLine('0x10: not a frame'));
  assert.ok(!isStackLine('from here to there'));
});

test('amber#108: the crash under wrk says the server ran out, and names no process', async () => {
  const text = ['`wrk -d 20 -t 4 -c 1015 http://0.0.0.0:4000/index.html`', '', '```', ...AMBER, '```', ''].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /accept: Too many open files/);
});
