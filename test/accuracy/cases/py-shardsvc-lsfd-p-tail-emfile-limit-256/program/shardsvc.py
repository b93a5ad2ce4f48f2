"""shardsvc: opens the shard file of each request and never closes it."""
import logging, os, resource, time
resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))
os.makedirs("/tmp/r227/py4/shards", exist_ok=True)
logging.basicConfig(filename="/tmp/r227/py4/shardsvc.log", level=logging.INFO,
                    format="%(asctime)s %(process)d %(levelname)s %(message)s")
log = logging.getLogger("shardsvc")
held = []
req = 0
while True:
    req += 1
    path = "/tmp/r227/py4/shards/shard-%04d.dat" % req
    try:
        f = open(path, "a+")
        f.write("req %d\n" % req)
        f.flush()
        held.append(f)  # bug: kept forever
    except OSError as e:
        log.error("request %d failed: %s", req, e)
        time.sleep(1)
        continue
    time.sleep(0.005)
