// valgrind's warning when a call that makes an fd is handed one in the range it keeps for itself,
// `==22391== Warning: invalid file descriptor 1031 in syscall openat()`: it closes the fd and fails
// the call with EMFILE. Real lines: ros/ros_comm#1419 (gh-ros-comm-1419-rosbag-valgrind-invalid-fd-1031,
// accuracy round 264), LTP's pipe07 under valgrind (`… 1030 in syscall pipe2()`, then its own
// `errno == EMFILE (24)`), a 4gl test's comment (`… 1019 in syscall open()`); the same warning for
// a bad fd handed to close(), a closefrom loop's `… 1048564 in syscall close()`, is EBADF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { syslogSource } from '../../src/sources/log-pids.js';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { valgrindLinePid } from '../../src/sources/valgrind-prefix.js';
import { CASES_DIR } from '../accuracy/score.js';

const ROSBAG = '==22391== Warning: invalid file descriptor 1031 in syscall openat()';
const PIPE07 = '==1629480== Warning: invalid file descriptor 1030 in syscall pipe2()';
const FOURGL = '==18037== Warning: invalid file descriptor 1019 in syscall open()';
const CLOSEFROM = '==1921640== Warning: invalid file descriptor 1048564 in syscall close()';

test('valgrind refusing an fd a call made says the process ran out (EMFILE); a bad fd handed to close() does not', () => {
  assert.equal(ranOutErrno(ROSBAG), 'EMFILE');
  assert.equal(ranOutErrno(PIPE07), 'EMFILE');
  assert.equal(ranOutErrno(FOURGL), 'EMFILE');
  assert.equal(ranOutErrno('==7== Warning: invalid file descriptor 1019 in syscall socket()'), 'EMFILE');
  // Each call strace/calls.ts lists as making an fd, and dup.
  assert.equal(ranOutErrno('==7== Warning: invalid file descriptor 1021 in syscall mq_open()'), 'EMFILE');
  assert.equal(ranOutErrno('==7== Warning: invalid file descriptor 1022 in syscall dup()'), 'EMFILE');
  assert.equal(ranOutErrno(CLOSEFROM), null);
  assert.equal(ranOutErrno('==11== Warning: invalid file descriptor -1 in syscall close()'), null);
  assert.equal(ranOutErrno('==11== Warning: invalid file descriptor 1100 in syscall dup2()'), null);
  assert.equal(ranOutErrno(`==1== Warning: invalid file descriptor ${'9'.repeat(50_000)} in syscall openat()`), null);
});

test("valgrind's ==PID== prefix names the process the line is about", () => {
  assert.equal(valgrindLinePid(ROSBAG), 22391);
  assert.equal(syslogSource(ROSBAG)?.pid, 22391);
  assert.equal(valgrindLinePid('==0== x'), undefined);
  assert.equal(valgrindLinePid('= =22391== x'), undefined);
});

test('ros_comm#1419: rosbag under valgrind ran out, the one candidate its pid; no leak shown', async () => {
  const file = join(CASES_DIR, 'gh-ros-comm-1419-rosbag-valgrind-invalid-fd-1031', 'transcript.md');
  const { result } = await analyzeBundle(file, { now: new Date('2026-01-01T00:00:00Z') });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 22391);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /invalid file descriptor 1031 in syscall openat\(\)/);
});
