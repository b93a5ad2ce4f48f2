#!/bin/sh
# Run here on 2026-12-07 (pid 16422), soft limit 256.
set -e
mkdir -p /tmp/acc170/spool; for i in 1 2 3 4 5; do echo x > /tmp/acc170/spool/msg-$i.eml; done
javac DirScan.java
(ulimit -n 256; exec java -cp . DirScan) > /tmp/acc170/spool-scanner.log 2>&1 & PID=$!
sleep 40; mkdir -p bundle
ls -l /proc/$PID/fd > bundle/ls-l-proc-fd.txt
cat /proc/$PID/limits > bundle/proc-limits.txt
# the log cut short: its head, the first ERROR with the two lines before it, its tail
L=/tmp/acc170/spool-scanner.log
{ head -3 $L; grep -m1 -B2 ERROR $L | tail -3; tail -5 $L; } > bundle/spool-scanner.log
kill $PID
