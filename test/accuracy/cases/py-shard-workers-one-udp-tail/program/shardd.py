# Shard server: the master forks 4 shard workers; each applies an update every 80 ms and reports a
# timing to the local statsd over UDP.  Shard 2 has the "per-key latency" plugin turned on, which
# makes a new UDP socket for each report and never closes it (the bug); the others share one socket.
import os, socket, time
STATSD = ("127.0.0.1", 8125)

def shard(n):
    shared = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    leaked = []
    while True:
        try:
            if n == 2:
                s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                s.connect(STATSD)
                s.send(b"shard.update:1|ms")
                leaked.append(s)
            else:
                shared.sendto(b"shard.update:1|ms", STATSD)
        except OSError:
            time.sleep(1)
        time.sleep(0.08)

for n in range(1, 5):
    if os.fork() == 0:
        shard(n)
        os._exit(0)
while True:
    time.sleep(5)
