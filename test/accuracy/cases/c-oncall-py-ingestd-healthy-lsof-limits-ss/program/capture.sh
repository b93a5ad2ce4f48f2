#!/bin/sh
# ingestd runs with a 1024-fd limit (prlimit; systemd is not PID 1 here); the on-call engineer's
# captures by hand, saved under names without the pid.
A=/tmp/acc261; B=$(dirname "$0")/../bundle
setsid prlimit --nofile=1024:1024 python3 ingestd.py > /dev/null 2>&1 < /dev/null &
P=$!; sleep 8
lsof -n -p $P > $B/lsof.txt 2>/dev/null
cat /proc/$P/limits > $B/limits.txt
ss -tanp > $B/ss.txt
cp $A/ingestd/app.log $B/app.log
(echo "\$ ls /proc/$P/fd | wc -l"; ls /proc/$P/fd | wc -l) > $B/fd-count.txt
kill $P
