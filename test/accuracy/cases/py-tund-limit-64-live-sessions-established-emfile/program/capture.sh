#!/bin/bash
# The endpoint under a 64 open-files limit; 90 clients each hold a session.
# Captures its established sessions, its fd folder in full, its fd count, limits, log.
# Close whatever fds the calling shell passed down, so the daemon starts with 0-2 only
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
D=$(cd "$(dirname "$0")" && pwd); W=/tmp/r313-work/tund/run-low; B=${1:-$D/../bundle}
mkdir -p $W $B; rm -f $W/*
prlimit --nofile=64:4096 python3 $D/tund.py 47321 $W/tund.log >/dev/null 2>&1 </dev/null & PID=$!
sleep 0.5
python3 $D/clients.py hold 47321 90 12 & LOAD=$!
sleep 6
{
echo "\$ ss -tanp state established | grep -c \"pid=$PID,\""; ss -tanp state established | grep -c "pid=$PID,"
echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
echo "\$ ss -tanp state established | grep \"pid=$PID,\""; ss -tanp state established | grep "pid=$PID,"
echo "\$ ls -l /proc/$PID/fd"; ls -l /proc/$PID/fd
} > $B/oncall.txt 2>&1
cat /proc/$PID/limits > $B/limits-$PID.txt
wait $LOAD
tail -n 5 $W/tund.log > $B/tund.log
kill $PID
