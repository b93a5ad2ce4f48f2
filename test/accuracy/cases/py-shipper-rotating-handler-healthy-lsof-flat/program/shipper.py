"""shipper: logs one line per shipped batch; RotatingFileHandler rotates app.log at 20 kB and
keeps 3 backups. Healthy: the handler closes the old stream before it renames and reopens."""
import logging, logging.handlers, sys, time
h = logging.handlers.RotatingFileHandler(sys.argv[1], maxBytes=20_000, backupCount=3)
h.setFormatter(logging.Formatter("%(asctime)s shipper %(levelname)s %(message)s"))
log = logging.getLogger("shipper"); log.addHandler(h); log.setLevel(logging.INFO)
n = 0
while True:
    n += 1
    log.info("batch %d shipped: 250 records, 0 errors", n)
    time.sleep(0.01)
