# confserve: every 50 ms re-reads three small config files, each in a `with` block.
import os, time
BASE = os.environ.get("CONF_DIR", "conf")
names = ["app.ini", "routes.ini", "limits.ini"]
while True:
    total = 0
    for n in names:
        with open(os.path.join(BASE, n)) as f:
            total += len(f.read())
    time.sleep(0.05)
