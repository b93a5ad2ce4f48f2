#!/bin/bash
# Run on this machine: the bridge, then the sensors for ~16 s, then the commands an on-call engineer types.
W=/tmp/r309-work/hubbridge/run; rm -rf $W; mkdir -p $W
node hubbridge.cjs 7421 </dev/null >$W/hubbridge.log 2>&1 & PID=$!
sleep 1
node sensors.cjs 7421 </dev/null >/dev/null 2>&1
sleep 20
{
echo "\$ pidof node"; pidof node | tr ' ' '\n' | grep -x $PID
echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
echo "\$ grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits
echo "\$ lsof -nP -p $PID | awk '{print \$NF}' | sort | uniq -c | sort -rn | head -6"; lsof -nP -p $PID | awk '{print $NF}' | sort | uniq -c | sort -rn | head -6
echo "\$ ss -tnp state close-wait | grep -E \"Recv-Q|pid=$PID,\" | head -4"; ss -tnp state close-wait | grep -E "Recv-Q|pid=$PID," | head -4
echo "\$ tail -3 $W/hubbridge.log"; tail -3 $W/hubbridge.log
} > screen.txt 2>&1
kill $PID
