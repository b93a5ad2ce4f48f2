"""jobrunner: runs jobs on threads; each job gets a pipe to report progress on. The job closes
neither end when it finishes (the leak), so two fds stay open per job."""
import os, threading, time, sys
done = 0
def job(n):
    global done
    r, w = os.pipe()
    os.write(w, b"%d 100%%\n" % n)
    os.read(r, 64)
    done += 1          # BUG: os.close(r); os.close(w) missing
for n in range(int(sys.argv[1])):
    t = threading.Thread(target=job, args=(n,)); t.start(); t.join()
    if n % 100 == 0: print("jobrunner[%d]: %d jobs done" % (os.getpid(), done), flush=True)
    time.sleep(0.01)
print("jobrunner[%d]: idle" % os.getpid(), flush=True)
time.sleep(3600)
