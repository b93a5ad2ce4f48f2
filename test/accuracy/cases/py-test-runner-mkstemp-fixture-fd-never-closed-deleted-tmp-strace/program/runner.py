#!/usr/bin/env python3
"""A toy test runner with a `tmp_config` fixture: each test gets a scratch
config file from tempfile.mkstemp(); the fixture keeps only the path and
removes the file at teardown, but never closes the fd mkstemp returned.
Each test leaks one fd on a deleted file under /tmp until EMFILE."""
import os, sys, tempfile, time

def tmp_config():
    fd, path = tempfile.mkstemp(prefix="pytest-cfg-", suffix=".ini")
    with open(path, "w") as f:
        f.write("[app]\ndebug = true\n")
    return path

def run_test(i):
    path = tmp_config()
    try:
        assert open(path).read().startswith("[app]")
    finally:
        os.remove(path)  # teardown: the file goes, the mkstemp fd stays

n = 0
print("collected 5000 items", flush=True)
while n < 5000:
    n += 1
    try:
        run_test(n)
    except OSError as e:
        print("tests/test_config.py::test_load[%d] ERROR at setup: %s" % (n, e), flush=True)
        time.sleep(0.05)
    if n % 50 == 0:
        time.sleep(0.02)
time.sleep(600)
