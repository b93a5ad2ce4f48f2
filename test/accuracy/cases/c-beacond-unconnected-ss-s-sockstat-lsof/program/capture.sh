#!/bin/sh
# Runs beacond with a 256-fd limit and captures what an on-call engineer would.
# c-beacond-sockstat-fd-links-partial (transcript) come from this one run.
set -e
W=/tmp/cap168; B=$(dirname "$0")/../bundle; mkdir -p $W $B
gcc -O2 -o $W/beacond $(dirname "$0")/beacond.c
(ulimit -n 256; exec $W/beacond > $W/beacond.log 2>&1) &
PID=$!
sleep 4
ss -s > $B/ss-s.txt
cat /proc/net/sockstat > $B/sockstat.txt
lsof -n -p $PID > $B/lsof.txt 2>/dev/null || true
cat /proc/$PID/limits > $B/limits.txt
cp $W/beacond.log $B/beacond.log
echo $PID > $W/beacond.pid
