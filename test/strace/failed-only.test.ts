// strace printing failed calls only (`-e status=failed`, `-Z`, `--failed-only`) never prints a
// close that succeeded, whatever its trace set: the capture does not show which fds were closed.
// Real lines of a capture here (test/accuracy/cases/py-refuser-strace-status-failed):
//   $ timeout -s INT 3 strace -e trace=openat,close,socket,connect -e status=failed -p 3068 2>&1 | head -30
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { straceHidesClose as hidesClose } from '../../src/command-words.js';
import { createStraceSink } from '../../src/sources/strace/sink.js';
import { analyzeStrace } from '../../src/model/strace/analyze.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const COMMAND = 'timeout -s INT 3 strace -e trace=openat,close,socket,connect -e status=failed -p 3068 2>&1 | head -30';
const LINES = [
  'strace: Process 3068 attached',
  'connect(139, {sa_family=AF_INET, sin_port=htons(7399), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused)',
  'connect(140, {sa_family=AF_INET, sin_port=htons(7399), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused)',
  'connect(141, {sa_family=AF_INET, sin_port=htons(7399), sin_addr=inet_addr("127.0.0.1")}, 16) = -1 ECONNREFUSED (Connection refused)',
];

test('a status filter without successful calls hides close; one that keeps them does not', () => {
  assert.equal(hidesClose(COMMAND), true);
  assert.equal(hidesClose('strace -f -Z -p 1'), true);
  assert.equal(hidesClose('strace -fZ -p 1'), true);
  assert.equal(hidesClose('strace --failed-only -p 1'), true);
  assert.equal(hidesClose('strace -f --status=failed,unfinished -p 1'), true);
  assert.equal(hidesClose("strace -e 'status=!successful' -p 1"), true);
  assert.equal(hidesClose('strace -e status=successful,failed -p 1'), false);
  assert.equal(hidesClose('strace -e status=all -p 1'), false);
  assert.equal(hidesClose('strace -e status=!unfinished -p 1'), false);
  assert.equal(hidesClose('strace -z -p 1'), false);
  // -Z after a letter that takes a value is that value's, and the traced program's options are its own.
  assert.equal(hidesClose('strace -pZ'), false);
  assert.equal(hidesClose('strace -p 1 -- grep -Z x'), false);
});

test('such a capture says close was not traced instead of showing every fd closed', () => {
  const analysis = (command: string) => {
    const sink = createStraceSink({ file: 'transcript.md', command, warn: () => {} });
    for (const [i, l] of LINES.entries()) sink.line(l, i + 5);
    return analyzeStrace([{ file: 'transcript.md', artifact: sink.end() }]);
  };
  assert.ok(analysis(COMMAND).quality.some((q) => q.id === 'close-not-traced'));
  assert.ok(!analysis('strace -e trace=openat,close,socket,connect -p 3068').quality.some((q) => q.id === 'close-not-traced'));
});

test('the leaking-thread finding says the closes are unknown, not that every fd was closed', async () => {
  const text = ['```', '$ ls /proc/3068/fd | wc -l', '138', `$ ${COMMAND}`, ...LINES, '$ ls /proc/3068/fd | wc -l', '169', '```'];
  const result = await analyzeTranscript(text, 'transcript.md');
  const finding = result.findings.find((f) => f.id === 'leaking-thread');
  assert.equal(finding?.status, 'info');
  assert.match(finding?.detail ?? '', /no close that succeeded is printed/);
  assert.doesNotMatch(finding?.detail ?? '', /every fd created was closed/);
});
