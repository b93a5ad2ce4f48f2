#!/bin/bash
W=/tmp/r309-work/zbridge/run; rm -rf $W; mkdir -p $W
python3 -c 'import os,sys; os.closerange(3, 4096); os.execvp(sys.argv[1], sys.argv[1:])' node zbridge.cjs $W </dev/null >/dev/null 2>&1 & PID=$!
sleep 14
{
echo "\$ pgrep -f 'node zbridge.cjs'"; pgrep -f 'node zbridge.cjs'
echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
echo "\$ cat /proc/$PID/limits | grep 'open files'"; cat /proc/$PID/limits | grep 'open files'
echo "\$ lsof -nP -p $PID | awk '{print \$NF}' | sort | uniq -c | sort -rn | head -4"; lsof -nP -p $PID | awk '{print $NF}' | sort | uniq -c | sort -rn | head -4
echo "\$ tail -2 $W/zbridge.log"; tail -2 $W/zbridge.log
} > screen.txt 2>&1
kill $PID
