#!/bin/bash
# Runs voiced and 600 callers, then the on-call engineer's commands (ss only, no lsof).
cd "$(dirname "$0")"
python3 voiced.py 16480 > voiced.log 2>&1 10>&- 251>&- &
P=$!; echo $P > voiced.pid
sleep 1
python3 callers.py 16480 600 > /dev/null 2>&1 &
echo $! > callers.pid
sleep 12
{
echo "\$ pgrep -af voiced"
pgrep -af voiced
echo "\$ grep 'open files' /proc/$P/limits"
grep 'open files' /proc/$P/limits
echo "\$ ls /proc/$P/fd | wc -l"
ls /proc/$P/fd | wc -l
echo "\$ ss -uanp | head -12"
ss -uanp | head -12
echo "\$ ss -uanp | grep -c 'pid=$P,'"
ss -uanp | grep -c "pid=$P,"
echo "\$ ss -tanp | grep 'pid=$P,'"
ss -tanp | grep "pid=$P,"
} > screen.txt
