# Status poller: one http.client connection per tick; the response is kept in a list and never read or closed.
import http.client, time, sys
pending = []
n = 0
while True:
    n += 1
    try:
        c = http.client.HTTPConnection("127.0.0.1", 40170, timeout=5)
        c.request("GET", "/")
        pending.append(c.getresponse())
    except OSError as e:
        print(time.strftime('%H:%M:%S'), "poll", n, repr(e), flush=True)
        time.sleep(1)
    time.sleep(0.005)
