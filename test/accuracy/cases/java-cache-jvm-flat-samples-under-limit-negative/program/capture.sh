#!/bin/sh
# Run here on 2026-12-07 (pid 16423): a JVM with 700 cache segments open, soft limit 1024.
set -e
javac Healthy.java
(ulimit -n 1024; exec java -cp . Healthy 700) > /tmp/acc170/healthy.out 2>&1 & PID=$!
sleep 40; mkdir -p bundle
for i in 1 2 3; do echo "$(date -u +%H:%M:%S) $(ls /proc/$PID/fd | wc -l)" >> bundle/fd-count-samples.txt; sleep 5; done &
lsfd -p $PID > bundle/lsfd-p.txt; prlimit --pid $PID > bundle/prlimit.txt
wait; kill $PID
