#!/usr/bin/env python3
"""A tiny Papermill-style notebook batch runner, written for a test case.

Each "notebook" run starts one kernel-like helper process with its stdout and
stderr on pipes, waits for it, and records the run.  The bug: the run record
keeps the Popen object, and its pipes are never closed, so every run leaves
two pipe fds open in the runner until it hits its open-files limit.
"""
import logging
import subprocess
import sys
import time

logging.basicConfig(
    filename=sys.argv[1] if len(sys.argv) > 1 else "nbrunner.log",
    format="%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s",
    level=logging.INFO,
)
log = logging.getLogger("nbrunner")

history = []  # every run kept, with its Popen (and so its pipes)


def run_notebook(i):
    proc = subprocess.Popen(
        [sys.executable, "-c", "print('cell ok')"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    proc.wait()
    first = proc.stdout.readline()  # reads a line, never closes the pipe
    history.append({"run": i, "proc": proc, "out": first})


def main():
    i = 0
    log.info("runner started, batch of notebooks/report-*.ipynb")
    while True:
        i += 1
        try:
            run_notebook(i)
            if i % 100 == 0:
                log.info("executed notebooks/report-%04d.ipynb (%d runs so far)", i, i)
        except OSError as e:
            log.error("executing notebooks/report-%04d.ipynb failed: %s", i, e)
            time.sleep(2)
        time.sleep(0.005)


if __name__ == "__main__":
    main()
