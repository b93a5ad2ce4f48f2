#!/bin/bash
exec 10<&- 251>&-
# resolvd runs in its own network namespace (lo up, no resolver on 127.0.0.53); captured from the host.
W=/tmp/r302-work/r5
unshare -n bash -c "ip link set lo up; exec $W/resolvd" > $W/resolvd.log 2>&1 &
sleep 3
PID=$(pgrep -x resolvd)
P='root@edge-3:~# '
{ echo '```'
  echo "${P}cat /proc/net/sockstat"; cat /proc/net/sockstat
  echo "${P}ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
  sleep 4
  echo "${P}ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l
  echo "${P}grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits
  echo "${P}nsenter -t $PID -n ss -uanp"; nsenter -t $PID -n ss -uanp
  echo '```'; } > $W/transcript.md
kill $PID
