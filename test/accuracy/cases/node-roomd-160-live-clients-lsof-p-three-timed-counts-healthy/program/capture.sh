#!/bin/bash
# Runs roomd with its members, then captures by hand: the full lsof listing,
# the limits, and three timed counts.
cd "$(dirname "$0")"
node roomd.js 17070 > roomd.log 2>&1 &
P=$!; echo $P > roomd.pid
sleep 1
python3 members.py 17070 &
echo $! > members.pid
sleep 20
{
echo "\$ pgrep -f roomd.js"
pgrep -f roomd.js
echo "\$ grep 'open files' /proc/$P/limits"
grep 'open files' /proc/$P/limits
echo "\$ for i in 1 2 3; do date -u +%T; ls /proc/$P/fd | wc -l; sleep 20; done"
for i in 1 2 3; do date -u +%T; ls /proc/$P/fd | wc -l; sleep 20; done
echo "\$ lsof -n -P -p $P"
lsof -n -P -p $P
} > screen.txt
