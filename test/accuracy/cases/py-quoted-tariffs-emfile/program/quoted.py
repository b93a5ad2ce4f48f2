#!/usr/bin/env python3
"""quoted: a small quote service written for this case.

One TCP client connection per line-protocol session ("QUOTE SYM\n" -> "OK price\n").
Each session is served by its own thread. For every request the handler opens the
tariff table to look the symbol up and keeps the handle in a per-symbol list
"so the next lookup can reuse it" -- it never does, and nothing ever closes them.
That is the leak: one more fd on the same regular file per request, until open()
fails with EMFILE and every request after that is logged as an error.
"""
import logging
import socket
import threading
import time

BASE = '/tmp/accn/py-quoted'
TARIFFS = BASE + '/tariffs.csv'
logging.basicConfig(filename=BASE + '/quoted.log', level=logging.INFO,
                    format='%(asctime)s %(levelname)s [%(threadName)s] %(message)s')
log = logging.getLogger('quoted')

_readers = {}          # symbol -> [open file objects]  (the leak)
stats = {'served': 0, 'failed': 0}


def lookup(sym):
    fh = open(TARIFFS, 'rb')
    _readers.setdefault(sym, []).append(fh)
    for line in fh:
        if line.startswith(sym.encode() + b','):
            return line.split(b',')[1].strip().decode()
    return '0'


def session(conn, peer):
    f = conn.makefile('rb')
    for raw in f:
        parts = raw.decode().split()
        if len(parts) != 2 or parts[0] != 'QUOTE':
            conn.sendall(b'ERR bad request\n')
            continue
        try:
            price = lookup(parts[1])
            stats['served'] += 1
            conn.sendall(('OK %s\n' % price).encode())
        except OSError as e:
            stats['failed'] += 1
            log.error('quote %s for %s:%d failed: %s', parts[1], peer[0], peer[1], e)
            conn.sendall(b'ERR internal\n')


def reporter():
    while True:
        time.sleep(5)
        log.info('served=%d failed=%d', stats['served'], stats['failed'])


def main():
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(('127.0.0.1', 47101))
    srv.listen(64)
    log.info('listening on 127.0.0.1:47101')
    threading.Thread(target=reporter, name='reporter', daemon=True).start()
    n = 0
    while True:
        conn, peer = srv.accept()
        n += 1
        threading.Thread(target=session, args=(conn, peer), name='session-%d' % n, daemon=True).start()


main()
