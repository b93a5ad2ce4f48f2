"""Load for quoter: 15 GETs a second on fresh connections; prints nothing."""
import time
import urllib.request

while True:
    try:
        urllib.request.urlopen("http://127.0.0.1:8085/quote", timeout=2).read()
    except Exception:
        pass
    time.sleep(1 / 15)
