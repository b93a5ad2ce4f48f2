# stand-in quote service: answers one line and closes.
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 7070)); s.listen(512)
while True:
    c, _ = s.accept()
    c.recv(64); c.sendall(b"EURUSD 1.0842\n"); c.close()
