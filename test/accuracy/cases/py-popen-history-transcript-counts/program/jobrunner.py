# A job runner written for this case: each job runs a command with subprocess.Popen and pipes for
# its output, reads the first line for the job's status, and keeps the Popen object in a history
# list for a "recent jobs" page. The bug: the pipes are never closed (no communicate(), no
# close(), no with-block), and the history keeps every Popen alive, so the garbage collector never
# closes them either: two fds per job, forever.
import logging
import subprocess
import sys
import time

logging.basicConfig(
    filename=sys.argv[1] if len(sys.argv) > 1 else 'jobrunner.log',
    format='%(asctime)s %(name)s[%(process)d] %(levelname)s %(message)s',
    level=logging.INFO,
)
log = logging.getLogger('jobrunner')
history = []


def run_job(n):
    p = subprocess.Popen(['echo', f'job {n} ok'], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    status = p.stdout.readline().decode().strip()
    p.wait()
    history.append(p)  # kept for the "recent jobs" page; its pipes stay open
    return status


n = 0
log.info('started')
while True:
    n += 1
    try:
        run_job(n)
    except OSError as e:
        log.error('job %d failed: %s', n, e)
    time.sleep(0.05)
