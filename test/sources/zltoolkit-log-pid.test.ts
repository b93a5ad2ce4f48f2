// ZLToolKit's log prefix names the program and, before its thread's name, the writer's pid
// (src/sources/zltoolkit-log.ts, read by log-pids.ts). Real lines: ZLMediaKit/ZLMediaKit#4837
// (test/accuracy/cases/gh-zlmediakit-onaccept-event-poller-emfile).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syslogSource } from '../../src/sources/log-pids.js';
import { zlToolkitLogSource } from '../../src/sources/zltoolkit-log.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const LINES = [
  '2026-09-20 15:26:12.776 W [MediaServer] [76326-event poller 61] H264Rtp.cpp:51 inputRtp | start drop h264 gop, last seq:2524, rtp:',
  '2026-09-20 15:27:39.208 E [MediaServer] [76326-event poller 66] Socket.cpp:611 onAccept | Accept socket failed: too many open files',
  '2026-09-20 15:27:39.208 E [MediaServer] [76326-event poller 75] Socket.cpp:611 onAccept | Accept socket failed: too many open files',
];

test('the ZLToolKit prefix names the program and its pid; other shapes name none', () => {
  assert.deepEqual(zlToolkitLogSource(LINES[1]), { program: 'MediaServer', pid: 76326 });
  assert.deepEqual(syslogSource(LINES[2]), { program: 'MediaServer', pid: 76326 });
  // Not without the pid before the thread's name, nor without the level letter.
  assert.equal(zlToolkitLogSource('2026-09-20 15:27:39.208 E [MediaServer] [event poller 66] Socket.cpp:611 onAccept | x'), null);
  assert.equal(zlToolkitLogSource('2026-09-20 15:27:39.208 [MediaServer] [76326-event poller 66] Socket.cpp:611 onAccept | x'), null);
});

test('ZLMediaKit#4837: the log names pid 76326 as the process that ran out', async () => {
  const result = await analyzeTranscript(`${LINES.join('\n')}\n`, 'MediaServer.log', new Date('2026-01-01T00:00:00Z'), { folder: true });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 76326);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /Accept socket failed: too many open files/);
});
