#!/usr/bin/env python3
"""A tiny TCP tunnel endpoint written for the fdleak corpus.

Each client holds one session open for as long as it likes; the endpoint
relays its lines back and closes the session when the client hangs up.
Nothing leaks: every fd belongs to a live session.
"""
import logging
import selectors
import socket
import sys
import time

logging.basicConfig(
    filename=sys.argv[2],
    format="%(asctime)s tund[%(process)d] %(levelname)s %(message)s",
    level=logging.INFO,
)
log = logging.getLogger("tund")
sel = selectors.DefaultSelector()


def main():
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", int(sys.argv[1])))
    srv.listen(256)
    srv.setblocking(False)
    sel.register(srv, selectors.EVENT_READ)
    log.info("tunnel endpoint up on 127.0.0.1:%s", sys.argv[1])
    while True:
        for key, _ in sel.select(1):
            s = key.fileobj
            if s is srv:
                try:
                    c, _ = srv.accept()
                except OSError as e:
                    log.error("accept: %s", e)
                    time.sleep(0.5)
                    continue
                c.setblocking(False)
                sel.register(c, selectors.EVENT_READ)
                continue
            try:
                d = s.recv(512)
            except OSError:
                d = b""
            if d:
                s.send(d)
            else:
                sel.unregister(s)
                s.close()


main()
