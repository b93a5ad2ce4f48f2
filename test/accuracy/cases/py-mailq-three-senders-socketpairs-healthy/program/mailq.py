# mailq (healthy): three sender threads each open a socketpair to "deliver" a message, read the
# reply and close both ends; the main thread waits.
import socket, threading, time

def sender():
    while True:
        a, b = socket.socketpair()
        a.sendall(b"250 ok\n")
        b.recv(16)
        a.close(); b.close()
        time.sleep(0.1)

for _ in range(3):
    threading.Thread(target=sender, daemon=True).start()
while True:
    time.sleep(1)
