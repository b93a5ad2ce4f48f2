#!/usr/bin/env python3
"""A tiny TCP-to-UDP tunnel relay written for the fdleak corpus.

Each client connection carries one flow: the relay opens a UDP socket to the
upstream, forwards the client's line, returns the reply and closes the client.
Bug: the flow table keeps every UDP socket; nothing ever expires or closes it.
"""
import logging
import socket
import sys
import time

logging.basicConfig(
    filename=sys.argv[3],
    format="%(asctime)s udprelay[%(process)d] %(levelname)s %(message)s",
    level=logging.INFO,
)
log = logging.getLogger("udprelay")

LISTEN = int(sys.argv[1])
UPSTREAM = ("127.0.0.1", int(sys.argv[2]))
flows = {}  # flow id -> UDP socket (never removed: the leak)


def main():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", LISTEN))
    srv.listen(128)
    log.info("relaying tcp 127.0.0.1:%d -> udp %s:%d", LISTEN, *UPSTREAM)
    n = 0
    while True:
        try:
            cli, _ = srv.accept()
        except OSError as e:
            log.error("accept failed: %s", e)
            time.sleep(0.2)
            continue
        n += 1
        try:
            data = cli.recv(512)
            u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            u.connect(UPSTREAM)
            flows[n] = u
            u.settimeout(2)
            u.send(data)
            cli.sendall(u.recv(512))
        except OSError as e:
            log.error("flow %d failed: %s", n, e)
        finally:
            cli.close()
        if n % 200 == 0:
            log.info("%d flows served", n)


main()
