#!/bin/bash
exec 10<&- 251>&-
# cached and webpool share one network namespace (as two containers of one pod do); captured from the host.
W=/tmp/r302-work/p2
unshare -n bash -c "ip link set lo up; python3 $W/cached.py & sleep 0.5; exec python3 $W/webpool.py" > $W/run.log 2>&1 &
sleep 5
SRV=$(pgrep -f p2/cached.py); CLI=$(pgrep -f p2/webpool.py)
P='root@node7:~# '
{ echo '```'
  echo "${P}lsof -p $SRV"; lsof -p $SRV
  echo "${P}grep 'open files' /proc/$SRV/limits"; grep 'open files' /proc/$SRV/limits
  echo "${P}ss -s"; ss -s
  echo "${P}nsenter -t $SRV -n ss -tanp"; nsenter -t $SRV -n ss -tanp
  echo "${P}ls /proc/$SRV/fd | wc -l"; ls /proc/$SRV/fd | wc -l
  echo '```'; } > $W/transcript.md
kill $CLI $SRV
