"""quoter: a small HTTP quote service written for this case.

Each request builds a PriceClient, which makes its own asyncio event loop to fan out three
"upstream" lookups. Clients are cached per request id for a later /status page and never closed,
so every request leaves its loop's epoll fd and self-pipe socketpair open: 3 fds a request, until
asyncio.new_event_loop() fails with EMFILE. Logs go to quoter.log next to the program.
"""
import asyncio
import http.server
import logging
import os
import threading
import time

LOG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "quoter.log")
logging.basicConfig(filename=LOG, level=logging.INFO,
                    format="%(asctime)s quoter[%(process)d] %(threadName)s[%(thread_native)s] %(levelname)s %(message)s")
log = logging.getLogger("quoter")
_orig_factory = logging.getLogRecordFactory()


def _factory(*a, **kw):
    rec = _orig_factory(*a, **kw)
    rec.thread_native = threading.get_native_id()
    return rec


logging.setLogRecordFactory(_factory)
CLIENTS = {}  # request id -> PriceClient, for /status; BUG: never evicted, loops never closed


class PriceClient:
    def __init__(self, rid):
        self.rid = rid
        self.loop = asyncio.new_event_loop()  # epoll fd + socketpair

    async def _upstream(self, sym):
        await asyncio.sleep(0.001)
        return sum(map(ord, sym)) % 100 + 0.5

    def quote(self, syms):
        async def fan():
            return await asyncio.gather(*(self._upstream(s) for s in syms))
        return self.loop.run_until_complete(fan())


class Handler(http.server.BaseHTTPRequestHandler):
    counter = 0
    lock = threading.Lock()

    def do_GET(self):
        with Handler.lock:
            Handler.counter += 1
            rid = Handler.counter
        try:
            client = PriceClient(rid)
            CLIENTS[rid] = client
            prices = client.quote(["ACME", "INITECH", "UMBRELLA"])
            body = ("%d %s\n" % (rid, prices)).encode()
            self.send_response(200)
        except OSError as e:
            log.error("request %d: cannot build price client: %s", rid, e)
            body = b"error\n"
            self.send_response(503)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, fmt, *args):
        pass


def stats():
    """A second thread doing the normal background work: one stats line every 2 s."""
    while True:
        time.sleep(2)
        log.info("stats: %d requests served", Handler.counter)


def main():
    srv = http.server.HTTPServer(("127.0.0.1", 8085), Handler)  # requests run on the main thread
    threading.Thread(target=stats, name="stats", daemon=True).start()
    log.info("listening on 127.0.0.1:8085")
    srv.serve_forever()


if __name__ == "__main__":
    main()
