#!/bin/bash
# Start authcache; lsfd with custom columns, counts 5 s apart, limits. Kill it by pid.
cd /tmp/r227/rs6
./authcache & PID=$!
sleep 3
echo "\$ ls /proc/$PID/fd | wc -l"
ls /proc/$PID/fd | wc -l
sleep 5
echo "\$ ls /proc/$PID/fd | wc -l"
ls /proc/$PID/fd | wc -l
echo "\$ lsfd -p $PID -o PID,COMMAND,ASSOC,TYPE,NAME | tail -8"
lsfd -p $PID -o PID,COMMAND,ASSOC,TYPE,NAME | tail -8
echo "\$ grep 'open files' /proc/$PID/limits"
grep 'open files' /proc/$PID/limits
kill $PID
