# WSGI app: /quote fans out to 20 pricing shards. Each shard call makes a socket and connects;
# when the connect fails the socket is parked in a retry list "to reuse later" and never closed.
import socket, errno

SHARDS = [("127.0.0.1", 18690 + i % 5) for i in range(20)]   # nothing listens there
_retry = []   # sockets waiting for a reconnect that never happens

def quote():
    ok = 0
    for host, port in SHARDS:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.connect((host, port))
            ok += 1
            s.close()
        except ConnectionRefusedError:
            _retry.append(s)          # BUG: kept open, never retried, never closed
    return ok

def app(environ, start_response):
    if environ["PATH_INFO"] == "/quote":
        n = quote()
        body = ("shards ok: %d\n" % n).encode()
    else:
        body = b"ok\n"
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]
