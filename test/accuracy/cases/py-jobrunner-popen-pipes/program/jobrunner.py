#!/usr/bin/env python3
"""jobrunner: a small task runner written for this case.

A "task-runner" thread starts one external command per task with
subprocess.Popen(..., stdout=PIPE, stderr=PIPE), reads the first line of its output and files the
Popen object under the task id "so its status can be queried later". Nothing ever calls
communicate()/wait() or closes p.stdout/p.stderr, and the registry is never pruned: every task
leaves two pipe read ends open (and a zombie child). When the fd limit is reached, os.pipe()
inside Popen fails with EMFILE and every task from then on is logged as failed.
"""
import logging
import subprocess
import threading
import time

BASE = '/tmp/accn/py-jobrunner'
logging.basicConfig(filename=BASE + '/jobrunner.log', level=logging.INFO,
                    format='%(asctime)s %(levelname)s %(threadName)s: %(message)s')
log = logging.getLogger('jobrunner')
registry = {}


def run_tasks():
    n = 0
    while True:
        n += 1
        try:
            p = subprocess.Popen(['/bin/date', '+%s'], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            stamp = p.stdout.readline().strip().decode()
            registry[n] = p
            if n % 100 == 0:
                log.info('task %d done at %s (%d tracked)', n, stamp, len(registry))
        except OSError as e:
            log.error('task %d: cannot start /bin/date: %s', n, e)
        time.sleep(0.02)


log.info('jobrunner starting')
t = threading.Thread(target=run_tasks, name='task-runner')
t.start()
t.join()
