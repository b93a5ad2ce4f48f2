#!/bin/bash
W=/tmp/r309-work/medialib/run; rm -rf $W; mkdir -p $W
python3 -c 'import os,sys; os.closerange(3, 4096); os.execvp(sys.argv[1], sys.argv[1:])' python3 medialib.py $W </dev/null >$W/stdout.txt 2>&1 & PID=$!
sleep 1
load() { for i in $(seq 1 60); do curl -s -o /dev/null http://127.0.0.1:8097/track-$(printf %02d $((i % 20))).flac; done; }
load
{
echo "\$ date +%T; ls /proc/$PID/fd | wc -l"; date +%T; ls /proc/$PID/fd | wc -l
echo "\$ grep 'Max open files' /proc/$PID/limits"; grep 'Max open files' /proc/$PID/limits
echo "\$ ls -l /proc/$PID/fd"; ls -l /proc/$PID/fd
} > screen.txt 2>&1
load; sleep 5
{
echo "\$ date +%T; ls /proc/$PID/fd | wc -l"; date +%T; ls /proc/$PID/fd | wc -l
echo "\$ tail -3 $W/medialib.log"; tail -3 $W/medialib.log
} >> screen.txt 2>&1
kill $PID
