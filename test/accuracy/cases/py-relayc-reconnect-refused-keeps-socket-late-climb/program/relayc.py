# relayc: forwards heartbeats to an upstream collector; reconnects when it goes away.
# Bug: every connect attempt is appended to self.attempts ("for retry stats"), and the list is
# only reset after a successful connect, so each refused attempt keeps its socket open.
import logging, socket, sys, time
logging.basicConfig(filename='relayc.log', level=logging.INFO,
                    format='%(asctime)s relayc[%(process)d] %(levelname)s %(message)s')
PORT = int(sys.argv[1])

class Upstream:
    def __init__(self):
        self.sock = None
        self.attempts = []

    def connect(self):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.attempts.append(s)
        try:
            s.connect(('127.0.0.1', PORT))
        except OSError as e:
            logging.warning('connect 127.0.0.1:%d failed: %s (attempt %d)', PORT, e, len(self.attempts))
            return False
        if self.sock:
            self.sock.close()
        self.sock = s
        self.attempts = [s]
        logging.info('connected to 127.0.0.1:%d', PORT)
        return True

    def send(self, data):
        try:
            self.sock.sendall(data)
            return True
        except OSError as e:
            logging.warning('send failed: %s', e)
            return False

up = Upstream()
while not up.connect():
    time.sleep(0.05)
n = 0
while True:
    n += 1
    if not up.send(b'hb %d\n' % n):
        while not up.connect():
            time.sleep(0.05)
    time.sleep(0.05)
