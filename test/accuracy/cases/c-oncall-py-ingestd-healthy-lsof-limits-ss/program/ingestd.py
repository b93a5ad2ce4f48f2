# ingestd: a healthy worker; opens and closes each batch file with "with".
import logging, os, socket, time
D = "/tmp/acc261/ingestd"
logging.basicConfig(filename=D + "/app.log", level=logging.INFO,
                    format="%(asctime)s ingestd[%(process)d] %(levelname)s %(message)s")
log = logging.getLogger("ingestd")
srv = socket.socket(); srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 18262)); srv.listen(16)
log.info("ingestd listening on 127.0.0.1:18262")
n = 0
while True:
    n += 1
    with open(D + "/batch.dat", "a+") as f:
        f.write("batch %d\n" % n)
    if n % 100 == 0:
        log.info("ingested %d batches", n)
    time.sleep(0.02)
