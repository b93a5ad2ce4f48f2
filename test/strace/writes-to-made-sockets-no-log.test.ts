// Writes to an fd the capture saw made by socket(), pipe2(), eventfd2() … are traffic or a wakeup,
// not a log line: no root cause "wrote" them. Real lines, the round's captured case
// node-metrics-udp-per-send-ss-head-cut-strace-p-main-thread (`strace -tt -p 14273 -e
// trace=desc,network`, no -f: node's main thread making a UDP socket per statsd gauge, never closed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createStraceSink } from '../../src/sources/strace/sink.js';
import { analyzeStrace } from '../../src/model/strace/analyze.js';

const LINES = [
  '21:15:16.063816 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 264',
  '21:15:16.063903 bind(264, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("0.0.0.0")}, 16) = 0',
  '21:15:16.064002 sendmsg(264, {msg_name={sa_family=AF_INET, sin_port=htons(8125), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="app.queue.depth:7|g", iov_len=19}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 19',
  '21:15:16.064105 epoll_ctl(14, EPOLL_CTL_ADD, 264, {events=EPOLLIN, data={u32=264, u64=264}}) = 0',
  '21:15:16.064143 epoll_pwait(14, [], 1024, 0, NULL, 8) = 0',
  '21:15:16.064171 epoll_pwait(14, [], 1024, 19, NULL, 8) = 0',
  '21:15:16.084328 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 265',
  '21:15:16.084405 bind(265, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("0.0.0.0")}, 16) = 0',
  '21:15:16.084501 sendmsg(265, {msg_name={sa_family=AF_INET, sin_port=htons(8125), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="app.queue.depth:8|g", iov_len=19}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 19',
  '21:15:16.084606 epoll_ctl(14, EPOLL_CTL_ADD, 265, {events=EPOLLIN, data={u32=265, u64=265}}) = 0',
  '21:15:16.084646 epoll_pwait(14, [], 1024, 0, NULL, 8) = 0',
  '21:15:16.084674 epoll_pwait(14, [], 1024, 20, NULL, 8) = 0',
  '21:15:16.105133 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 266',
  '21:15:16.105320 bind(266, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("0.0.0.0")}, 16) = 0',
  '21:15:16.105511 sendmsg(266, {msg_name={sa_family=AF_INET, sin_port=htons(8125), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="app.queue.depth:9|g", iov_len=19}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 19',
  '21:15:16.105739 epoll_ctl(14, EPOLL_CTL_ADD, 266, {events=EPOLLIN, data={u32=266, u64=266}}) = 0',
  '21:15:16.105863 epoll_pwait(14, [], 1024, 0, NULL, 8) = 0',
  '21:15:16.105962 epoll_pwait(14, [], 1024, 19, NULL, 8) = 0',
  '21:15:16.125421 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 267',
  '21:15:16.125541 bind(267, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("0.0.0.0")}, 16) = 0',
  '21:15:16.125691 sendmsg(267, {msg_name={sa_family=AF_INET, sin_port=htons(8125), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="app.queue.depth:10|g", iov_len=20}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 20',
  '21:15:16.125857 epoll_ctl(14, EPOLL_CTL_ADD, 267, {events=EPOLLIN, data={u32=267, u64=267}}) = 0',
  '21:15:16.125948 epoll_pwait(14, [], 1024, 0, NULL, 8) = 0',
  '21:15:16.126042 epoll_pwait(14, [], 1024, 20, NULL, 8) = 0',
  '21:15:16.146480 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 268',
  '21:15:16.146539 bind(268, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("0.0.0.0")}, 16) = 0',
  '21:15:16.146621 sendmsg(268, {msg_name={sa_family=AF_INET, sin_port=htons(8125), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="app.queue.depth:11|g", iov_len=20}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 20',
  '21:15:16.146700 epoll_ctl(14, EPOLL_CTL_ADD, 268, {events=EPOLLIN, data={u32=268, u64=268}}) = 0',
  '21:15:16.146735 epoll_pwait(14, [], 1024, 0, NULL, 8) = 0',
  '21:15:16.146759 epoll_pwait(14, [], 1024, 20, NULL, 8) = 0',
  '21:15:16.167275 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 269',
  '21:15:16.167461 bind(269, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("0.0.0.0")}, 16) = 0',
  '21:15:16.167593 sendmsg(269, {msg_name={sa_family=AF_INET, sin_port=htons(8125), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="app.queue.depth:12|g", iov_len=20}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 20',
  '21:15:16.167709 epoll_ctl(14, EPOLL_CTL_ADD, 269, {events=EPOLLIN, data={u32=269, u64=269}}) = 0',
  '21:15:16.167759 epoll_pwait(14, [], 1024, 0, NULL, 8) = 0',
  '21:15:16.167784 epoll_pwait(14, [], 1024, 19, NULL, 8) = 0',
  '21:15:16.187133 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 270',
  '21:15:16.187198 bind(270, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("0.0.0.0")}, 16) = 0',
  '21:15:16.187283 sendmsg(270, {msg_name={sa_family=AF_INET, sin_port=htons(8125), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="app.queue.depth:13|g", iov_len=20}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 20',
  '21:15:16.187393 epoll_ctl(14, EPOLL_CTL_ADD, 270, {events=EPOLLIN, data={u32=270, u64=270}}) = 0',
  '21:15:16.187432 epoll_pwait(14, [], 1024, 0, NULL, 8) = 0',
  '21:15:16.187456 epoll_pwait(14, [], 1024, 19, NULL, 8) = 0',
  '21:15:16.206814 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 271',
  '21:15:16.206890 bind(271, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("0.0.0.0")}, 16) = 0',
  '21:15:16.206981 sendmsg(271, {msg_name={sa_family=AF_INET, sin_port=htons(8125), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="app.queue.depth:14|g", iov_len=20}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 20',
  '21:15:16.207078 epoll_ctl(14, EPOLL_CTL_ADD, 271, {events=EPOLLIN, data={u32=271, u64=271}}) = 0',
  '21:15:16.207115 epoll_pwait(14, [], 1024, 0, NULL, 8) = 0',
  '21:15:16.207139 epoll_pwait(14, [], 1024, 19, NULL, 8) = 0',
  '21:15:16.227266 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 272',
  '21:15:16.227320 bind(272, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("0.0.0.0")}, 16) = 0',
  '21:15:16.227400 sendmsg(272, {msg_name={sa_family=AF_INET, sin_port=htons(8125), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="app.queue.depth:15|g", iov_len=20}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 20',
  '21:15:16.227483 epoll_ctl(14, EPOLL_CTL_ADD, 272, {events=EPOLLIN, data={u32=272, u64=272}}) = 0',
  '21:15:16.227517 epoll_pwait(14, [], 1024, 0, NULL, 8) = 0',
  '21:15:16.227541 epoll_pwait(14, [], 1024, 20, NULL, 8) = 0',
  '21:15:16.247866 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 273',
  '21:15:16.247925 bind(273, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("0.0.0.0")}, 16) = 0',
  '21:15:16.248046 sendmsg(273, {msg_name={sa_family=AF_INET, sin_port=htons(8125), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="app.queue.depth:16|g", iov_len=20}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 20',
  '21:15:16.248163 epoll_ctl(14, EPOLL_CTL_ADD, 273, {events=EPOLLIN, data={u32=273, u64=273}}) = 0',
  '21:15:16.248202 epoll_pwait(14, [], 1024, 0, NULL, 8) = 0',
  '21:15:16.248227 epoll_pwait(14, [], 1024, 19, NULL, 8) = 0',
  '21:15:16.267566 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 274',
  '21:15:16.267624 bind(274, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("0.0.0.0")}, 16) = 0',
  '21:15:16.267705 sendmsg(274, {msg_name={sa_family=AF_INET, sin_port=htons(8125), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="app.queue.depth:0|g", iov_len=19}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 19',
  '21:15:16.267783 epoll_ctl(14, EPOLL_CTL_ADD, 274, {events=EPOLLIN, data={u32=274, u64=274}}) = 0',
  '21:15:16.267818 epoll_pwait(14, [], 1024, 0, NULL, 8) = 0',
  '21:15:16.267842 epoll_pwait(14, [], 1024, 20, NULL, 8) = 0',
  '21:15:16.288170 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 275',
  '21:15:16.288224 bind(275, {sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("0.0.0.0")}, 16) = 0',
  '21:15:16.288303 sendmsg(275, {msg_name={sa_family=AF_INET, sin_port=htons(8125), sin_addr=inet_addr("127.0.0.1")}, msg_namelen=16, msg_iov=[{iov_base="app.queue.depth:1|g", iov_len=19}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 19',
  '21:15:16.288381 epoll_ctl(14, EPOLL_CTL_ADD, 275, {events=EPOLLIN, data={u32=275, u64=275}}) = 0',
  '21:15:16.288426 epoll_pwait(14, [], 1024, 0, NULL, 8) = 0',
  '21:15:16.288462 epoll_pwait(14, [], 1024, 19, NULL, 8) = 0',
];

test('the sendmsg of each leaked UDP socket is no log line the thread wrote', () => {
  const sink = createStraceSink({ file: 'strace.txt', warn: () => {} });
  for (const [i, l] of LINES.entries()) sink.line(l, i + 1);
  const rc = analyzeStrace([{ file: 'strace.txt', artifact: sink.end() }], { pid: 14273 }).rootCause;
  assert.ok(rc, 'a root cause');
  assert.match(rc.statement, /socket\(AF_INET, SOCK_DGRAM\)/);
  assert.equal(rc.message, null);
  assert.equal(rc.fd, null);
  assert.doesNotMatch(rc.statement, /wrote/);
});
