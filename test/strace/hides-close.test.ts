// A strace filtered by -e to calls without close(2) prints no close: an fd it shows made is not shown
// kept. Real lines, esnet/iperf#493 (gh-iperf3-strace-f-e-accept-p-pidof-emfile-fd4):
//   # strace -f -e accept -p $(pidof -s iperf3)
//   accept(3, 0x7ffdc5a2d440, [128])        = -1 EMFILE (Too many open files)
//   accept(3, {sa_family=AF_INET, …}, [16]) = 4
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { straceHidesClose as hidesClose } from '../../src/command-words.js';
import { createStraceSink } from '../../src/sources/strace/sink.js';
import { analyzeStrace } from '../../src/model/strace/analyze.js';

const COMMAND = 'strace -f -e accept -p $(pidof -s iperf3)';
const LINES = [
  'accept(3, 0x7ffdc5a2d440, [128])        = -1 EMFILE (Too many open files)',
  'accept(3, {sa_family=AF_INET, sin_port=htons(56876), sin_addr=inet_addr("172.28.16.15")}, [16]) = 4',
  'accept(3, 0x7ffdc5a2d440, [128])        = -1 EMFILE (Too many open files)',
  'accept(3, {sa_family=AF_INET, sin_port=htons(56880), sin_addr=inet_addr("172.28.16.15")}, [16]) = 4',
];

test('a trace set without close hides it; close, desc, all, a negation or a regex do not', () => {
  assert.equal(hidesClose(COMMAND), true);
  assert.equal(hidesClose('strace -e file bpftrace -e \'tracepoint:syscalls:* { print ("Hit"); }\''), true);
  assert.equal(hidesClose('strace -k -e trace=openat -f -p 30499'), true);
  assert.equal(hidesClose('strace -f --trace=network -p 1'), true);
  assert.equal(hidesClose('strace -etrace=open,socket -p 1'), true);
  // Real command lines of the corpus whose set holds close.
  assert.equal(hidesClose('strace -e trace=epoll_wait,read,close,write,epoll_ctl,send,recvfrom,accept4 -p 1'), false);
  assert.equal(hidesClose('strace -d  -e trace=read,write,network,desc,signal,process -p 1147'), false);
  assert.equal(hidesClose('strace -e trace=!write -p 1'), false);
  assert.equal(hidesClose('strace -e trace=/clo -p 1'), false);
  assert.equal(hidesClose('strace -e trace=%desc -p 1'), false);
  // Other qualifiers filter what is printed of a call, not which calls.
  assert.equal(hidesClose('strace -e signal=none -p 1'), false);
  assert.equal(hidesClose('strace -fp1 lsof'), false);
  // The traced program's -e is its own.
  assert.equal(hidesClose('strace -p 1 -- grep -e accept log'), false);
  assert.equal(hidesClose('strace tail -e x'), false);
  assert.equal(hidesClose(undefined), false);
});

test('the accept fd such a capture shows made is no creation left open, and the capture says why', () => {
  const analysis = (command: string | undefined) => {
    const sink = createStraceSink({ file: 'transcript.md', command, warn: () => {} });
    for (const [i, l] of LINES.entries()) sink.line(l, i + 11);
    return analyzeStrace([{ file: 'transcript.md', artifact: sink.end() }]);
  };
  const filtered = analysis(COMMAND);
  assert.deepEqual(filtered.leaks, []);
  assert.ok(filtered.quality.some((q) => q.id === 'close-not-traced'));
  // Without the filter on the command shown, the last accepted fd is one made and not closed.
  const whole = analysis('strace -f -p 4444');
  assert.ok(whole.leaks.length > 0);
  assert.ok(!whole.quality.some((q) => q.id === 'close-not-traced'));
});

// cagnulein/qdomyos-zwift#3303 (gh-qz-bluetooth-l2cap-sockets-strace-grep): close is traced, but a
// grep for `socket` drops every close line, so none is shown.
//   [root@citadel-station ~]# sudo strace -f -p 36851 -e trace=network,socket,open,close 2>&1 | grep socket
//   [pid 36851] socket(AF_BLUETOOTH, SOCK_SEQPACKET, BTPROTO_L2CAP) = 126
test('a grep after strace for a word no close line holds hides close', () => {
  const qz = 'sudo strace -f -p 36851 -e trace=network,socket,open,close 2>&1 | grep socket';
  assert.equal(hidesClose(qz), true);
  assert.equal(hidesClose('strace -f -p 1 2>&1 | grep -i "SOCKET"'), true);
  assert.equal(hidesClose('strace -f -p 1 2>&1 | grep --color=auto accept | head'), true);
  // A word a close line holds, a regex, -v, or several words keep close lines.
  assert.equal(hidesClose('strace -f -p 1 2>&1 | grep clo'), false);
  assert.equal(hidesClose('strace -f -p 1 2>&1 | grep pid'), false);
  assert.equal(hidesClose("strace -f -p 1 2>&1 | grep 'socket\\|close'"), false);
  assert.equal(hidesClose('strace -f -p 1 2>&1 | grep -v socket'), false);
  assert.equal(hidesClose('strace -f -p 1 2>&1 | grep -E socket'), false);
  // Under -y a close line names what the fd was; with -o the grep reads the program's output.
  assert.equal(hidesClose('strace -f -y -p 1 2>&1 | grep socket'), false);
  assert.equal(hidesClose('strace -fyy -p 1 2>&1 | grep socket'), false);
  assert.equal(hidesClose('strace -o out.txt ./app | grep socket'), false);
  // A grep before strace, or none, changes nothing.
  assert.equal(hidesClose('strace -f -p $(pgrep socketd)'), false);
});

test('the grep-for-socket capture shows no fd kept and says close was not traced', () => {
  const qz = 'sudo strace -f -p 36851 -e trace=network,socket,open,close 2>&1 | grep socket';
  const sink = createStraceSink({ file: 'transcript.md', command: qz, warn: () => {} });
  for (let fd = 126; fd <= 141; fd++) sink.line(`[pid 36851] socket(AF_BLUETOOTH, SOCK_SEQPACKET, BTPROTO_L2CAP) = ${fd}`, fd - 116);
  const analysis = analyzeStrace([{ file: 'transcript.md', artifact: sink.end() }]);
  assert.deepEqual(analysis.leaks, []);
  assert.ok(analysis.quality.some((q) => q.id === 'close-not-traced'));
});
