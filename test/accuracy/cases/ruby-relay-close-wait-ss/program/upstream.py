# upstream: answers each request and closes its end of the connection.
import socket, sys
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", int(sys.argv[1]))); srv.listen(128)
while True:
    c, _ = srv.accept()
    c.recv(4096)
    c.sendall(b"HTTP/1.0 202 Accepted\r\nContent-Length: 0\r\n\r\n")
    c.close()
