# upstream for fetcher: answers each request and closes.
import socket
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 18263)); srv.listen(128)
while True:
    c, _ = srv.accept()
    c.recv(64); c.sendall(b"feed ok\n"); c.close()
