#!/bin/bash
# Starts the relay under a 1024 open-files limit, drives 1100 flows through it,
# then captures what an on-call engineer would: the ss UDP rows of the relay,
# a count of them, its fd count, its limits, a head of its fd folder, its log.
# Close whatever fds the calling shell passed down, so the daemon starts with 0-2 only
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
D=$(cd "$(dirname "$0")" && pwd); W=/tmp/r313-work/udprelay/run; B=${1:-$D/../bundle}
mkdir -p $W $B; rm -f $W/*
prlimit --nofile=1024:4096 python3 $D/udprelay.py 47311 47312 $W/udprelay.log >/dev/null 2>&1 < /dev/null & PID=$!
python3 $D/upstream_and_clients.py 47312 47311 1100 & LOAD=$!
wait $LOAD
{
echo "\$ ss -uanp | grep -c \"pid=$PID,\""; ss -uanp | grep -c "pid=$PID,"
echo "\$ ss -uanp | grep \"pid=$PID,\" | head -5"; ss -uanp | grep "pid=$PID," | head -5
echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
echo "\$ ls -l /proc/$PID/fd | head -8"; ls -l /proc/$PID/fd | head -8
} > $B/oncall.txt 2>&1
cat /proc/$PID/limits > $B/limits-$PID.txt
tail -n 6 $W/udprelay.log > $B/udprelay.log
kill $PID
