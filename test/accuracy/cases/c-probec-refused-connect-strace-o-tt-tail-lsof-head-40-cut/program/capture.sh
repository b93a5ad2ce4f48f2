#!/bin/bash
cd /tmp/r301-work/probec
strace -tt -o probec.strace -e trace=desc,network ./probec > /dev/null 2> probec.log 10<&- 251>&- & SPID=$!
sleep 4
PID=$(pgrep -x probec)
echo $PID > pid.txt
lsof -p $PID | head -40 > lsof-head.txt
grep -c ECONNREFUSED probec.strace > refused-c.txt
tail -12 probec.strace > strace-tail.txt
kill $PID; sleep 0.3; kill $SPID 2>/dev/null; wait
