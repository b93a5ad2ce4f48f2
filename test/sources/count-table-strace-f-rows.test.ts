// An strace -f file pasted without its command (rsyslog/rsyslog#4257, accuracy round 151): every
// line starts with the thread's id, then -ttt's epoch time, then the call, and the paste's last line
// is cut inside a call. Its lines are no `count key` tally, though each begins with a number: strace
// reads them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countTable } from '../../src/sources/count-table.js';
import { strace } from '../../src/sources/strace.js';

const LINES = [
  '26285 1587782597.981465 recvmsg(6, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="<38>Apr 25 02:43:17 ss: "..., iov_len=65536}], msg_iovlen=1, msg_control=[{cmsg_len=32, cmsg_level=SOL_SOCKET, cmsg_type=SCM_TIMESTAMP, cmsg_data={tv_sec=1587782597, tv_usec=981077}}, {cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=6259, uid=238001393, gid=238000513}}], msg_controllen=64, msg_flags=0}, MSG_DONTWAIT) = 87 <0.000030>',
  '26285 1587782597.982056 recvmsg(6, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="<86>Apr 25 02:43:17 ss: "..., iov_len=65536}], msg_iovlen=1, msg_control=[{cmsg_len=32, cmsg_level=SOL_SOCKET, cmsg_type=SCM_TIMESTAMP, cmsg_data={tv_sec=1587782597, tv_usec=982011}}, {cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=6065, uid=0, gid=0}}], msg_controllen=64, msg_flags=0}, MSG_DONTWAIT) = 88 <0.000021>',
  '26285 1587782597.986538 recvmsg(6, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="<85>Apr 25 02:43:17 ss"..., iov_len=65536}], msg_iovlen=1, msg_control=[{cmsg_len=32, cmsg_level=SOL_SOCKET, cmsg_type=SCM_TIMESTAMP, cmsg_data={tv_sec=1587782597, tv_usec=986473}}, {cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=6065, uid=0, gid=0}}], msg_controllen=64, msg_flags=0}, MSG_DONTWAIT) = 137 <0.000023>',
  '26285 1587782597.989836 recvmsg(3, {msg_name=NULL, ms',
];

test('strace -f lines (tid, epoch time, call) are no count-per-key rows', () => {
  assert.equal(countTable.detect({ head: LINES, name: 'transcript.md' }), 0);
  assert.ok(strace.detect({ head: LINES, name: 'transcript.md' }) > 0);
});

test('a uniq -c tally of strace lines is still a tally', () => {
  const rows = ['     12 close(3)                                = 0', '      3 close(4)                                = 0'];
  assert.ok(countTable.detect({ head: rows, name: 'x', command: 'grep close trace.log | sort | uniq -c' }) >= 0.9);
});

test('a tally of pids still reads as counts', () => {
  assert.ok(countTable.detect({ head: ['  61446 50283', '  52886 50731', '    578 4720'], name: 'x' }) >= 0.8);
});
