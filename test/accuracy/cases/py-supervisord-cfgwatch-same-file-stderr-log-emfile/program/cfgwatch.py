# cfgwatch: reloads its config every 10 ms; each reload opens the file and keeps the handle in a
# cache list (never closed). On EMFILE it logs the error to stderr and retries each second.
import sys, time
CFG = "/srv/acc267/cfgwatch/config.json"
cache = []
while True:
    try:
        f = open(CFG)
        f.read()
        f.seek(0)
        cache.append(f)
        time.sleep(0.01)
    except OSError as e:
        print("%s cfgwatch ERROR reload failed: %s" % (time.strftime("%Y-%m-%d %H:%M:%S"), e), file=sys.stderr, flush=True)
        time.sleep(1)
