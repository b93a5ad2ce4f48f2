#!/bin/bash
exec 10<&- 251>&-
# entrypoint.sh runs as pid 1 of a new PID namespace and starts 12 node workers; captured from the host.
W=/tmp/r302-work/sh4; rm -f $W/entrypoint.log
unshare -p -f --mount-proc $W/entrypoint.sh > /dev/null 2>&1 &
sleep 4
EP=$(pgrep -f "^/bin/bash $W/entrypoint.sh")
set -- $(pgrep -P $EP)
P='[root@worker-2 ~]# '
{ echo '```'
  echo "${P}grep NSpid /proc/$EP/status"; grep NSpid /proc/$EP/status
  echo "${P}ps -o pid,ppid,etime,cmd --ppid $EP"; ps -o pid,ppid,etime,cmd --ppid $EP
  echo "${P}ls -l /proc/$EP/fd"; ls -l /proc/$EP/fd
  echo "${P}ls -l /proc/$1/fd"; ls -l /proc/$1/fd
  echo "${P}ls -l /proc/$2/fd"; ls -l /proc/$2/fd
  echo '```'; } > $W/transcript.md
kill $(pgrep -P $EP); kill -9 $EP   # pid 1 of its namespace ignores SIGTERM
