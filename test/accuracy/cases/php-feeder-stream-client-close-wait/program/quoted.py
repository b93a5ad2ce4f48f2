# quote service: answers one line and closes the connection
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 9231)); s.listen(128)
while True:
    c, _ = s.accept()
    c.recv(100); c.sendall(b"42.17\n"); c.close()
