#!/bin/bash
W=/tmp/r309-work/accessoryd/run; rm -rf $W; mkdir -p $W
python3 -c 'import os,sys; os.closerange(3, 4096); os.execvp(sys.argv[1], sys.argv[1:])' python3 accessoryd.py </dev/null >$W/accessoryd.log 2>&1 & PID=$!
sleep 25
{
echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
echo "\$ ls -l /proc/$PID/fd | grep -c pipe"; ls -l /proc/$PID/fd | grep -c pipe
echo "\$ grep 'Max open files' /proc/$PID/limits"; grep 'Max open files' /proc/$PID/limits
echo "\$ ps --ppid $PID -o pid,stat,cmd | head -5"; ps --ppid $PID -o pid,stat,cmd | head -5
echo "\$ ps --ppid $PID --no-headers | wc -l"; ps --ppid $PID --no-headers | wc -l
echo "\$ cat $W/accessoryd.log"; cat $W/accessoryd.log
} > screen.txt 2>&1
kill $PID
