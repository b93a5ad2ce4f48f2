# pollc: polls a status endpoint; reads the reply to EOF but never closes its socket.
import socket, sys, time, os
held = []
n = 0
while True:
    s = socket.create_connection(("127.0.0.1", 9310), timeout=5)
    s.sendall(b"GET /status HTTP/1.0\r\n\r\n")
    body = b""
    while True:
        chunk = s.recv(4096)
        if not chunk:
            break
        body += chunk
    held.append(s)  # BUG: kept for "reuse", never closed
    n += 1
    if n % 20 == 0:
        print(f"{time.strftime('%H:%M:%S')} pollc[{os.getpid()}]: {n} polls ok", flush=True)
    time.sleep(0.1)
