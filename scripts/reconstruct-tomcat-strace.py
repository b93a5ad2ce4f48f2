#!/usr/bin/env python3
"""Rebuilds samples/tomcat-cat-leak/strace-4730.log and the CAT log its thread 4783 writes to
(logs/data/applogs/cat/cat_20190722.log): the write-up shows the strace only as a screenshot and
the log as one line. Usage: reconstruct-tomcat-strace.py SAMPLE_DIR

What is the write-up's: the command (strace -f -p 4730 -T -tt), thread 4783, fd 369, the ERROR line
at 23:13:21.204, and the story it tells: another thread forks between a socket's creation and its
fcntl(F_SETFD, FD_CLOEXEC). Everything else (other threads, fd numbers, timings) is reconstructed in
the format strace 4.x prints for `-f -tt -T -o FILE`. Deterministic: same output every run.
"""
import datetime
import random
import sys

rng = random.Random(20190721)
out = []
log = ['[07-21 23:12:58.877] [INFO] [TcpSocketSender] CAT client started, servers: [host:2280]']
T0 = datetime.datetime(2019, 7, 21, 23, 13, 0, 118000)
END = T0 + datetime.timedelta(seconds=60)
HOST = '10.8.16.21'


def ts(t):
    return t.strftime('%H:%M:%S.%f')


def emit(t, tid, call, dur):
    out.append((t, f'{tid:<5} {ts(t)} {call} <{dur:.6f}>'))


def emit_raw(t, tid, text):
    out.append((t, f'{tid:<5} {ts(t)} {text}'))


# Thread 4783 (Cat-ChannelManager): one connection attempt every ~2 s, never closing the socket.
fd = 1001
t = T0 + datetime.timedelta(milliseconds=700)
attempt = 0
while t < END:
    attempt += 1
    stamp = t
    if t.minute == 13 and t.second == 21:
        stamp = t.replace(microsecond=204000)
    # The write-up's line is written at 23:13:21.204; each attempt writes the same ERROR.
    log_t = stamp
    msg = f'[{log_t.strftime("%m-%d %H:%M:%S.")}{log_t.microsecond // 1000:03d}] [ERROR] [ChannelManager] Error when try connecting to /host:2280\\n'
    s = log_t - datetime.timedelta(microseconds=900)
    emit(s, 4783, f'socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = {fd}', 0.000019)
    if attempt % 5 == 3:
        # Thread 4801 forks in the gap before fcntl: the child inherits the socket without CLOEXEC.
        f = s + datetime.timedelta(microseconds=41)
        child = 31800 + attempt
        emit(f, 4801, f'clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f3a2dffe9d0) = {child}', 0.000212)
        emit(f + datetime.timedelta(microseconds=260), child, 'execve("/bin/sh", ["sh", "-c", "df -h /data/applogs"], 0x7ffd6e2c1a40 /* 24 vars */) = 0', 0.000402)
        emit(f + datetime.timedelta(milliseconds=4), child, 'exit_group(0)                     = ?', 0.0)
        out.append((f + datetime.timedelta(milliseconds=4, microseconds=50), f'{child:<5} {ts(f + datetime.timedelta(milliseconds=4, microseconds=50))} +++ exited with 0 +++'))
    emit(s + datetime.timedelta(microseconds=95), 4783, f'fcntl({fd}, F_SETFD, FD_CLOEXEC) = 0', 0.000006)
    emit(s + datetime.timedelta(microseconds=140), 4783,
         f'connect({fd}, {{sa_family=AF_INET, sin_port=htons(2280), sin_addr=inet_addr("{HOST}")}}, 16) = -1 ECONNREFUSED (Connection refused)', 0.000311)
    log.append(msg[:-2])
    if attempt % 10 == 0:
        log.append(f'[{log_t.strftime("%m-%d %H:%M:%S.")}{log_t.microsecond // 1000:03d}] [WARN] [TcpSocketSender] Message queue is full in tcp socket sender! Count: {attempt * 137}')
    emit(log_t, 4783, f'write(369, "{msg}", {len(msg) - 1}) = {len(msg) - 1}', 0.000021)
    emit_raw(log_t + datetime.timedelta(microseconds=60), 4783, 'futex(0x7f3a38012b54, FUTEX_WAIT_BITSET_PRIVATE, 1, {tv_sec=1563722003, tv_nsec=0}, 0xffffffff <unfinished ...>')
    nxt = t + datetime.timedelta(milliseconds=2000 + (attempt * 37) % 40)
    emit_raw(nxt - datetime.timedelta(microseconds=1200), 4783, '<... futex resumed> )       = -1 ETIMEDOUT (Connection timed out) <%.6f>' % ((nxt - log_t).total_seconds()))
    fd += 1
    t = nxt

# Acceptor 4788 and workers 4790-4797 (http-nio-8080): balanced accept / read / write / close.
t = T0 + datetime.timedelta(milliseconds=90)
conn = 1200
while t < END:
    worker = 4790 + rng.randrange(8)
    emit(t, 4788, f'accept4(87, {{sa_family=AF_INET, sin_port=htons({rng.randrange(30000, 60000)}), sin_addr=inet_addr("10.8.3.{rng.randrange(2, 250)}")}}, [16], SOCK_CLOEXEC) = {conn}', 0.000014)
    r = t + datetime.timedelta(microseconds=300)
    emit(r, worker, f'read({conn}, "GET /api/health HTTP/1.1\\r\\nHost: tomcat-87:8080\\r\\nUser-Agent: curl/7.29.0"..., 8192) = 86', 0.000009)
    emit(r + datetime.timedelta(microseconds=700), worker, f'write({conn}, "HTTP/1.1 200 \\r\\nContent-Type: application/json;charset=UTF-8\\r\\n"..., 131) = 131', 0.000031)
    emit(r + datetime.timedelta(microseconds=900), worker, f'close({conn})                          = 0', 0.000011)
    conn = conn + 1 if conn < 1260 else 1200
    t += datetime.timedelta(milliseconds=rng.randrange(150, 450))

# The poller thread 4789 waits on epoll.
t = T0
while t < END:
    emit(t, 4789, 'epoll_wait(93, [], 1024, 1000)   = 0', 1.001)
    t += datetime.timedelta(milliseconds=1001)

out.sort(key=lambda x: x[0])
sample = sys.argv[1]
with open(f'{sample}/strace-4730.log', 'w') as f:
    f.write(''.join(line + '\n' for _, line in out))
with open(f'{sample}/logs/data/applogs/cat/cat_20190722.log', 'w') as f:
    f.write(''.join(line + '\n' for line in log))
