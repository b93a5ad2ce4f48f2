#!/bin/sh
# Run here on 2026-12-07 (pid 16424): a JVM with 40 cache files open and 12 idle worker threads.
set -e
javac Healthy.java
(ulimit -n 65536; exec java -cp . Healthy 40) > /tmp/acc170/tid.out 2>&1 & PID=$!
sleep 30; mkdir -p bundle
lsof -a -K -p $PID > bundle/lsof-a-K-p.txt 2>/dev/null   # -K: one row per fd per thread, TID column
cat /proc/$PID/limits > bundle/proc-limits.txt
{ echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l; } > bundle/fd-count.txt
kill $PID
