#!/bin/sh
# Run here on 2026-12-07 (pid 16421). The log is rotated the way logrotate's `create` does it
# (rename, create a fresh file), then the rotated copy is removed.
set -e
mkdir -p /tmp/acc170/rot && javac RotLog.java
(ulimit -n 4096; exec java -cp . RotLog) > /tmp/acc170/rot.out 2>&1 & PID=$!
sleep 4; mv /tmp/acc170/rot/app.log /tmp/acc170/rot/app.log.1; touch /tmp/acc170/rot/app.log
sleep 1; rm /tmp/acc170/rot/app.log.1; sleep 30
mkdir -p bundle
lsfd -p $PID > bundle/lsfd-p.txt
cat /proc/$PID/limits > bundle/proc-limits.txt
cp /tmp/acc170/rot/app.log bundle/app.log
kill $PID
