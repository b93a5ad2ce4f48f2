#!/bin/bash
# Start confwatch, list its fds, read one inotify fd's fdinfo, its limit. Kill it by pid.
cd /tmp/r227/c7
./confwatch & PID=$!
sleep 3
echo "\$ ls -l /proc/$PID/fd"
ls -l /proc/$PID/fd
echo "\$ cat /proc/$PID/fdinfo/40"
cat /proc/$PID/fdinfo/40
echo "\$ grep 'open files' /proc/$PID/limits"
grep 'open files' /proc/$PID/limits
kill $PID
