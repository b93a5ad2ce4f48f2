#!/bin/bash
# Start poolsvc, then two full lsfd listings picked by -Q on its pid, 5 s apart, and its limit. Kill it by pid.
cd /tmp/r227/go5
./poolsvc & PID=$!
sleep 2
echo "\$ lsfd -Q 'PID == $PID'"
lsfd -Q "PID == $PID"
echo "\$ grep 'open files' /proc/$PID/limits"
grep 'open files' /proc/$PID/limits
sleep 5
echo "\$ lsfd -Q 'PID == $PID' | wc -l"
lsfd -Q "PID == $PID" | wc -l
kill $PID
