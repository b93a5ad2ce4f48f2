#!/usr/bin/env python3
"""A healthy IoT gateway bridge: listens for local publishers on TCP, forwards each
reading as a UDP datagram to a collector, and re-reads its topic map every tick
(with a context manager, so the file is closed each time). Its fds stay flat."""
import os, socket, sys, time, logging, threading

LOG, TOPICS, PORT = sys.argv[1], sys.argv[2], int(sys.argv[3])
logging.basicConfig(filename=LOG, format="%(asctime)s bridge[%(process)d] %(levelname)s %(message)s",
                    level=logging.INFO)
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", PORT)); srv.listen(16)

def serve():
    while True:
        c, _ = srv.accept()
        with c:
            data = c.recv(256)
            udp.sendto(data, ("127.0.0.1", 9))

threading.Thread(target=serve, daemon=True).start()
n = 0
while True:
    n += 1
    with open(TOPICS) as f:
        topics = f.read().split()
    if n % 50 == 0:
        logging.info("tick %d: %d topics, forwarding ok", n, len(topics))
    time.sleep(0.02)
