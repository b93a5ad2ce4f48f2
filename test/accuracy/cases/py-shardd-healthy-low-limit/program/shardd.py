#!/usr/bin/env python3
"""shardd: a healthy shard server written for this case (no leak).

Keeps its 170 shard files open for the life of the process (that is the design), serves
"GET <shard> <offset>" requests from long-lived client connections with os.pread, and a status
thread rewrites status.json every 200 ms (open tmp / write / close / rename: every fd it
creates is closed at once). Run with nofile 256: ~200 fds in use, steady.
"""
import json
import logging
import os
import selectors
import socket
import threading
import time

BASE = '/tmp/accn/py-shardd'
logging.basicConfig(filename=BASE + '/shardd.log', level=logging.INFO,
                    format='%(asctime)s %(levelname)s %(threadName)s: %(message)s')
log = logging.getLogger('shardd')
shards = [os.open('%s/shards/shard-%03d.dat' % (BASE, i), os.O_RDONLY | os.O_CLOEXEC) for i in range(170)]
served = 0


def status():
    while True:
        tmp = BASE + '/status.json.tmp'
        with open(tmp, 'w') as f:
            json.dump({'shards': len(shards), 'served': served, 'ts': time.time()}, f)
        os.rename(tmp, BASE + '/status.json')
        time.sleep(0.2)


def main():
    global served
    log.info('opened %d shards', len(shards))
    threading.Thread(target=status, name='status', daemon=True).start()
    sel = selectors.DefaultSelector()
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(('127.0.0.1', 47109))
    srv.listen(64)
    sel.register(srv, selectors.EVENT_READ)
    last = time.time()
    while True:
        for key, _ in sel.select(1.0):
            if key.fileobj is srv:
                c, _ = srv.accept()
                sel.register(c, selectors.EVENT_READ)
                continue
            c = key.fileobj
            data = c.recv(256)
            if not data:
                sel.unregister(c)
                c.close()
                continue
            _, shard, off = data.split()
            c.sendall(os.pread(shards[int(shard)], 64, int(off)) or b'-')
            served += 1
        if time.time() - last >= 5:
            log.info('served %d requests', served)
            last = time.time()


main()
