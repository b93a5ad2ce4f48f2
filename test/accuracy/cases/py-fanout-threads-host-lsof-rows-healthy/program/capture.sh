#!/bin/sh
# Runs fanout (16 threads), then counts its rows in a host-wide lsof (every fd repeated per
W=/tmp/cap168; B=$(dirname "$0")/../bundle; mkdir -p $W $B
python3 $(dirname "$0")/fanout.py > $W/fanout.log 2>&1 &
PID=$!
sleep 6
{ echo "\$ lsof -n | grep -w $PID | wc -l"; lsof -n 2>/dev/null | grep -w $PID | wc -l
  echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l; } > $B/counts-1.txt
lsof -n 2>/dev/null | grep -w $PID | head -60 > $B/lsof-host-grep-head.txt
sleep 5
{ echo "\$ lsof -n | grep -w $PID | wc -l"; lsof -n 2>/dev/null | grep -w $PID | wc -l
  echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l; } > $B/counts-2.txt
prlimit --pid $PID > $B/prlimit.txt
cp $W/fanout.log $B/fanout.log
kill $PID
