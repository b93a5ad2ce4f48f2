#!/bin/bash
# Runs bncd, attaches/detaches 700 clients, then captures lsfd and the limits by hand.
cd "$(dirname "$0")"
# (10 and 251 are fds the job runner of this machine leaves open; not the daemon's)
./bncd 16667 > bncd.out 2> bncd.log 10>&- 251>&- &
P=$!; echo $P > bncd.pid
sleep 0.5
python3 attach.py 16667 700
sleep 1
{
echo "\$ pidof bncd"
pidof bncd
echo "\$ cat /proc/$P/limits"
cat /proc/$P/limits
echo "\$ lsfd -p $P"
lsfd -p $P
} > screen.txt
