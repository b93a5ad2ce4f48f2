# leaker: a selector-based TCP server that forgets a connection when the peer closes (never close())
import selectors, socket, sys
port = int(sys.argv[1])
sel = selectors.DefaultSelector()
ls = socket.socket(); ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
ls.bind(("127.0.0.1", port)); ls.listen(512); sel.register(ls, selectors.EVENT_READ)
forgotten = []
while True:
    for key, _ in sel.select():
        s = key.fileobj
        if s is ls:
            c, _ = ls.accept(); sel.register(c, selectors.EVENT_READ)
            continue
        d = s.recv(512)
        if d:
            s.sendall(d)
        else:
            sel.unregister(s)   # BUG: forgets the socket, never closes it
            forgotten.append(s)
