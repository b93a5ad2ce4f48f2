#!/usr/bin/env python3
"""perfsampler: opens a task-clock perf counter for every sample and never closes it."""
import ctypes, os, struct, sys, time

libc = ctypes.CDLL(None, use_errno=True)
SYS_perf_event_open = 298
PERF_TYPE_SOFTWARE, PERF_COUNT_SW_TASK_CLOCK = 1, 1

def attr():
    buf = bytearray(128)
    struct.pack_into("IIQ", buf, 0, PERF_TYPE_SOFTWARE, 128, PERF_COUNT_SW_TASK_CLOCK)
    return (ctypes.c_char * 128).from_buffer(buf)

def sample(n):
    fd = libc.syscall(SYS_perf_event_open, attr(), 0, -1, -1, 0)
    if fd < 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e))
    return os.read(fd, 8)  # the counter fd is never closed

n = 0
while True:
    n += 1
    try:
        sample(n)
    except OSError as e:
        print(time.strftime("%H:%M:%S"), f"perfsampler: sample {n} failed: {e}", file=sys.stderr, flush=True)
    time.sleep(0.04)
