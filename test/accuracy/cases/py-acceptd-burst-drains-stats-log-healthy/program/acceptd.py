# acceptd: a selectors-based TCP server. Each connection is closed as soon as its peer
# closes, so a burst of clients raises the fd count and it drains back when they leave.
# Logs its own fd count every 2 s.
import logging, os, selectors, socket, sys, time
logging.basicConfig(filename='acceptd.log', level=logging.INFO,
                    format='%(asctime)s acceptd[%(process)d] %(message)s', datefmt='%Y-%m-%d %H:%M:%S')
sel = selectors.DefaultSelector()
ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(('127.0.0.1', int(sys.argv[1]))); ls.listen(512); ls.setblocking(False)
sel.register(ls, selectors.EVENT_READ)
conns = 0; last = 0
logging.info('listening on 127.0.0.1:%s', sys.argv[1])
while True:
    for key, _ in sel.select(timeout=0.5):
        s = key.fileobj
        if s is ls:
            c, _ = ls.accept(); c.setblocking(False); sel.register(c, selectors.EVENT_READ); conns += 1
        else:
            data = s.recv(4096)
            if not data:
                sel.unregister(s); s.close(); conns -= 1
    if time.time() - last >= 2:
        last = time.time()
        logging.info('stats conns=%d open_fds=%d', conns, len(os.listdir('/proc/self/fd')) - 1)
