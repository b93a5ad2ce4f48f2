#!/usr/bin/env python3
"""A tiny media-library server: an SQLite catalogue, a log, an HTTP listener.
Each request opens the track it streams with a 'with' block and closes it."""
import http.server, logging, os, sqlite3, sys
base = sys.argv[1]
os.makedirs(os.path.join(base, "music"), exist_ok=True)
for i in range(20):
    with open(os.path.join(base, "music", "track-%02d.flac" % i), "wb") as f:
        f.write(os.urandom(4096))
logging.basicConfig(filename=os.path.join(base, "medialib.log"), level=logging.INFO,
                    format="%(asctime)s %(levelname)s %(message)s")
db = sqlite3.connect(os.path.join(base, "library.db"), check_same_thread=False)
db.execute("create table if not exists t (name text)")
db.executemany("insert into t values (?)", [("track-%02d.flac" % i,) for i in range(20)])
db.commit()
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        name = os.path.basename(self.path)
        with open(os.path.join(base, "music", name), "rb") as f:
            body = f.read()
        self.send_response(200); self.end_headers(); self.wfile.write(body)
    def log_message(self, fmt, *a):
        logging.info("%s %s", self.address_string(), fmt % a)
logging.info("medialib pid=%d serving on 127.0.0.1:8097", os.getpid())
http.server.ThreadingHTTPServer(("127.0.0.1", 8097), H).serve_forever()
