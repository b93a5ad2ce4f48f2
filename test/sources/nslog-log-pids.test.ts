// NSLog's and Xcode's console prefix, `TIME Name[pid:tid] `, names the writer's pid (src/sources/record-pids.ts).
// Real lines: realm/realm-swift#4435 (test/accuracy/cases/gh-realm-swift-4435-nw-socket-emfile-log-lsof-simulator),
// an iOS app in the simulator running out of fds; the reporter's paste cut the app's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource } from '../../src/sources/log-pids.js';
import { nslogSource } from '../../src/sources/record-pids.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const CUT =
  '2016-12-12 14:12:27.838654 [41478:18175979] [] nw_interface_create_with_index_and_name information socket creation failed: [24] Too many open files, dumping backtrace:';
const NAMED = CUT.replace(' [41478:', ' MyApp[41478:');

test('NSLog prefix: the pid in brackets, and the name when the paste keeps it', () => {
  assert.deepEqual(nslogSource(CUT), { pid: 41478 });
  assert.deepEqual(nslogSource(NAMED), { program: 'MyApp', pid: 41478 });
  assert.deepEqual(syslogSource(NAMED), { program: 'MyApp', pid: 41478 });
  assert.deepEqual(nslogSource('2013-04-02 10:11:12.345 Google Chrome Helper[1234:707] open failed: Too many open files'), {
    program: 'Google Chrome Helper',
    pid: 1234,
  });
  assert.deepEqual(nslogSource('2016-12-12 14:12:27.838654+0100 MyApp[41478:18175979] x'), { program: 'MyApp', pid: 41478 });
  // Not this shape: no fraction of a second, no thread, a pid of 0.
  assert.equal(nslogSource('2016-12-12 14:12:27 MyApp[41478:18175979] x'), null);
  assert.equal(nslogSource('2016-12-12 14:12:27.838 MyApp[41478] x'), null);
  assert.equal(nslogSource('2016-12-12 14:12:27.838 MyApp[0:1] x'), null);
});

test("the console line is its own run's process, not the lsof'd process of a later run", async () => {
  const text = [
    '```',
    CUT,
    '```',
    '',
    '```',
    'MyApp- 43339 matias   46u  KQUEUE                                      count=0, state=0xa',
    'MyApp- 43339 matias   48     PIPE 0x4857c0faf863715d    16384          ->0x4857c0faf863991d',
    '```',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  const mine = result.suspects.find((s) => s.pid === 43339);
  assert.equal(mine?.ranOut ?? null, null);
  assert.equal(result.suspects.find((s) => s.pid === 41478)?.ranOut?.basis, 'log');
});
