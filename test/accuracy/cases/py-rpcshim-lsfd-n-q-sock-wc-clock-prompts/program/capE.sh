#!/bin/bash
# rpcshim: `lsfd -n -p PID -Q 'TYPE == "SOCK"' | wc -l` four times, with a clock prompt, then limits.
cd /tmp/r327-work/E; ulimit -n 1024
exec 251>&- 2>/dev/null; exec </dev/null
python3 ../sockpair.py >>out.log 2>&1 & PID=$!; sleep 3
{ echo '```'
for i in 1 2 3 4; do
  echo "[$(date +%H:%M:%S)] oncall@box:~\$ lsfd -n -p $PID -Q 'TYPE == \"SOCK\"' | wc -l"; lsfd -n -p $PID -Q 'TYPE == "SOCK"' | wc -l
  [ $i -lt 4 ] && sleep 6
done
echo "[$(date +%H:%M:%S)] oncall@box:~\$ lsfd -p $PID | tail -3"; lsfd -p $PID | tail -3
echo "[$(date +%H:%M:%S)] oncall@box:~\$ grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits
echo '```'; } > transcript.md 2>&1
kill $PID
