#!/bin/bash
# Start shardsvc, let it run out (limit 256), then look with lsfd, limits and the log. Kill it by pid.
cd /tmp/r227/py4; rm -rf shards shardsvc.log
python3 shardsvc.py & PID=$!
sleep 4
echo "\$ lsfd -p $PID | tail -8"
lsfd -p $PID | tail -8
echo "\$ ls /proc/$PID/fd | wc -l"
ls /proc/$PID/fd | wc -l
echo "\$ grep 'open files' /proc/$PID/limits"
grep 'open files' /proc/$PID/limits
echo '$ tail -3 shardsvc.log'
tail -3 shardsvc.log
kill $PID
