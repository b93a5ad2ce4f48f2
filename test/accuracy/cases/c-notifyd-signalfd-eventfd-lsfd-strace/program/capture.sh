#!/bin/sh
# Run here on 2026-12-07 (pid 16425), soft limit 512.
set -e
gcc -O1 -o evpile evpile.c
(ulimit -n 512; exec ./evpile) > /tmp/acc170/notifyd.log 2>&1 & PID=$!
sleep 55; mkdir -p bundle
timeout 4 strace -f -tt -p $PID -o bundle/strace-f-tt.txt
sleep 10
lsfd -p $PID > bundle/lsfd-p.txt
{ for n in 300 301; do echo "\$ cat /proc/$PID/fdinfo/$n"; cat /proc/$PID/fdinfo/$n; done; } > bundle/fdinfo.txt
cat /proc/$PID/limits > bundle/proc-limits.txt
cp /tmp/acc170/notifyd.log bundle/notifyd.log
kill $PID
