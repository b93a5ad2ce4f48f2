# pollwait: a helper that waits for a socket to become readable with a fresh selectors.DefaultSelector
# per call, and forgets to close it (the selector holds an epoll fd).
import selectors, socket, time, sys

a, b = socket.socketpair()
pending = []   # selectors of requests "still in flight" -- never drained
def wait_readable(sock, timeout):
    sel = selectors.DefaultSelector()      # bug: never sel.close()
    sel.register(sock, selectors.EVENT_READ)
    pending.append(sel)
    return sel.select(timeout)

n = 0
while True:
    n += 1
    b.send(b"x"); a.recv(1)
    try:
        wait_readable(a, 0)
    except OSError as e:
        print(f"request {n}: {e}", file=sys.stderr, flush=True)
        time.sleep(1)
    time.sleep(0.01 if n < 600 else 1)
