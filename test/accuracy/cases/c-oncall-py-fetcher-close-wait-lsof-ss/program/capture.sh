#!/bin/sh
# fetcher runs with a 512-fd limit (prlimit; systemd is not PID 1 here) against upstream.py,
# which answers and hangs up; the on-call engineer's captures by hand, named without the pid.
A=/tmp/acc261; B=$(dirname "$0")/../bundle
setsid python3 upstream.py > /dev/null 2>&1 < /dev/null & U=$!
sleep 1
setsid prlimit --nofile=512:512 python3 fetcher.py > /dev/null 2>&1 < /dev/null & P=$!
sleep 12
lsof -n -p $P > $B/lsof.txt 2>/dev/null
cat /proc/$P/limits > $B/limits.txt
ss -tanp > $B/ss.txt
cp $A/fetcher/fetcher.log $B/fetcher.log
cat /proc/net/sockstat > $B/sockstat.txt
kill $P $U
