#!/bin/bash
# Start taskd (limit 512), wait till it runs out, then gdb info proc, the tail of its fd folder, one eventfd's fdinfo, prlimit, its log. Kill it by pid.
cd /tmp/r227/c8; rm -f taskd.log
./taskd & PID=$!
sleep 3
echo "\$ gdb -p $PID -batch -ex 'info proc'"
gdb -p $PID -batch -ex 'info proc' 2>&1
echo "\$ ls -l /proc/$PID/fd | tail -4"
ls -l /proc/$PID/fd | tail -4
echo "\$ cat /proc/$PID/fdinfo/511"
cat /proc/$PID/fdinfo/511
echo "\$ prlimit --pid $PID --nofile"
prlimit --pid $PID --nofile
echo '$ tail -2 taskd.log'
tail -2 taskd.log
kill $PID
