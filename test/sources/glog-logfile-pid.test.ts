// C++ glog's `COULD NOT CREATE A LOGGINGFILE YYYYMMDD-HHMMSS.PID!` names the pid of the program whose
// log file it could not create (src/sources/glog-logfile.ts). Real lines: facebook/proxygen#130
// (test/accuracy/cases/gh-proxygen-glog-logfile-name-pid-17162-accept-out-of-fds, accuracy round 102).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { glogLogfileFailurePid } from '../../src/sources/glog-logfile.js';
import { parseLines } from '../../src/sources/run.js';

const PROXYGEN = [
  'Could not create logging file: Too many open files',
  'COULD NOT CREATE A LOGGINGFILE 20161123-073115.17162!Could not create logging file: Too many open files',
  'COULD NOT CREATE A LOGGINGFILE 20161123-073115.17162!Could not create logging file: Too many open files',
  'COULD NOT CREATE A LOGGINGFILE 20161123-073115.17162!E1123 07:31:15.651653 17167 AsyncServerSocket.cpp:808] accept failed: out of file descriptors; entering accept back-off state',
  'E1123 07:31:15.652848 17171 Acceptor.cpp:345] error accepting on acceptor socket: accept() failed',
];

test("glog's log-file failure line names its writer's pid", () => {
  assert.equal(glogLogfileFailurePid(PROXYGEN[1]), 17162);
  assert.equal(glogLogfileFailurePid(PROXYGEN[3]), 17162);
  assert.equal(glogLogfileFailurePid(PROXYGEN[0]), undefined);
  // C++ glog's record header holds a thread id, never a pid.
  assert.equal(glogLogfileFailurePid(PROXYGEN[4]), undefined);
  assert.equal(glogLogfileFailurePid('COULD NOT CREATE A LOGGINGFILE 20161123-073115.0!'), undefined);
});

test('the perror line above it and the lines after it are that pid', () => {
  const { artifact } = parseLines(appLog, PROXYGEN);
  assert.deepEqual(artifact.exhaustion.byPid, { 17162: 3 });
  assert.deepEqual(
    artifact.exhaustion.samples.map((x) => x.pid),
    [17162, 17162, 17162],
  );
});

test('an earlier line naming no process, not right above it, stays unnamed', () => {
  const { artifact } = parseLines(appLog, ['Could not create logging file: Too many open files', 'something else', PROXYGEN[1]]);
  assert.deepEqual(artifact.exhaustion.byPid, { 17162: 1 });
  assert.equal(artifact.exhaustion.samples[0].pid, undefined);
});
