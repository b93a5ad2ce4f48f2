# kvd: a single-threaded key/value lookup server; opens its data file per request and closes it.
import socketserver, os, time
DATA = "/tmp/r301-work/echod/kv.txt"
class H(socketserver.StreamRequestHandler):
    def handle(self):
        key = self.rfile.readline().strip().decode()
        with open(DATA) as f:
            val = next((l.split("=", 1)[1].strip() for l in f if l.startswith(key + "=")), "")
        self.wfile.write((val + "\n").encode())
socketserver.TCPServer.allow_reuse_address = True
with socketserver.TCPServer(("127.0.0.1", 9320), H) as srv:
    print(f"{time.strftime('%H:%M:%S')} kvd[{os.getpid()}]: listening on 127.0.0.1:9320", flush=True)
    srv.serve_forever()
