# Clients that come and go: a few requests in flight at any time.
import random, socket, sys, threading, time
def one():
    try:
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1]))); s.sendall(b"GET\n"); s.recv(10); s.close()
    except OSError:
        pass
while True:
    threading.Thread(target=one, daemon=True).start()
    time.sleep(random.uniform(0.2, 1.2))
