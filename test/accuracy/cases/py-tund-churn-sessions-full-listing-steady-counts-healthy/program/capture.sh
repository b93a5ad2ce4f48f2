#!/bin/bash
# The endpoint under a 1024 limit; sessions come and go, about 30 live at once.
# Three timed fd counts 5 s apart, then its fd folder in full, its limits, its log.
# Close whatever fds the calling shell passed down, so the daemon starts with 0-2 only
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
D=$(cd "$(dirname "$0")" && pwd); W=/tmp/r313-work/tund/run-ok; B=${1:-$D/../bundle}
mkdir -p $W $B; rm -f $W/*
prlimit --nofile=1024:4096 python3 $D/tund.py 47322 $W/tund.log >/dev/null 2>&1 </dev/null & PID=$!
sleep 0.5
python3 $D/clients.py churn 47322 30 18 & LOAD=$!
sleep 3
for n in 1 2 3; do
  { echo '$ date'; date -u; echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l; } >> $B/counts.txt
  [ $n -lt 3 ] && sleep 5
done
{ echo "\$ ls -l /proc/$PID/fd"; ls -l /proc/$PID/fd; } > $B/fd-listing.txt
cat /proc/$PID/limits > $B/limits-$PID.txt
wait $LOAD
cp $W/tund.log $B/tund.log
kill $PID
