// A Node.js error pasted with its stack (`Error: getaddrinfo EMFILE www.googleapis.com:443`, then
// `    at errnoException (dns.js:33:15)` frames): V8's frames are stack lines, so the block is a log
// that says the process ran out, tied to the only process whose fds the bundle knows. Real lines:
// nodejs/help#933 (test/accuracy/cases/gh-node-fetch-spawn-getaddrinfo-emfile-lsof-80, round 47).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isStackLine, isV8Frame } from '../../src/sources/stack-lines.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const NODE = readFileSync(join(CASES_DIR, 'gh-node-fetch-spawn-getaddrinfo-emfile-lsof-80', 'transcript.md'), 'utf8');

const analyzeText = (text: string) => analyzeTranscript(text, 'transcript.md', now);

test('isV8Frame: the frames Node prints under an error', () => {
  for (const l of [
    '    at Object.exports._errnoException (util.js:1022:11)',
    '    at errnoException (dns.js:33:15)',
    '    at GetAddrInfoReqWrap.onlookup [as oncomplete] (dns.js:76:26)',
    '    at Process.ChildProcess._handle.onexit (internal/child_process.js:193:32)',
    '    at new Server (/app/node_modules/x/index.js:1:2)',
    '    at async Promise.all (index 0)',
    '    at /app/index.js:10:5',
    '    at node:internal/main/run_main_module:23:47',
  ])
    assert.ok(isV8Frame(l), l);
  for (const l of ['at dawn (we left)', '    at the end of the day', '    at 10:05 the server stopped', 'Error: spawn x EMFILE'])
    assert.ok(!isV8Frame(l), l);
  assert.ok(isStackLine('\tat sun.nio.ch.ServerSocketChannelImpl.accept0(Native Method)'));
});

test('a long line of no frame is answered at once (no backtracking blow-up)', () => {
  const long = `    at ${'a:1'.repeat(400)}x`;
  const t0 = process.hrtime.bigint();
  assert.ok(!isV8Frame(long));
  assert.ok(Number(process.hrtime.bigint() - t0) < 50e6);
});

test('a Node error and its stack say the only process whose fds are known ran out', async () => {
  const result = await analyzeText(NODE);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 3577);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /getaddrinfo EMFILE/);
});
