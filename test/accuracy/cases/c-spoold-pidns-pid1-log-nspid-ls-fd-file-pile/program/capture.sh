#!/bin/bash
exec 10<&- 251>&-
# spoold runs as pid 1 of a new PID namespace (unshare -p -f --mount-proc), limit 512; captured from the host.
W=/tmp/r302-work/c3; rm -rf $W/spool; mkdir -p $W/spool
unshare -p -f --mount-proc bash -c "ulimit -n 512; exec $W/spoold $W/spool" > $W/spoold.log 2>&1 &
sleep 10
PID=$(pgrep -x spoold)
P='[root@worker-2 ~]# '
{ echo '```'
  echo "${P}grep -E '^(Name|Pid|PPid|NSpid)' /proc/$PID/status"; grep -E '^(Name|Pid|PPid|NSpid)' /proc/$PID/status
  echo "${P}grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits
  echo "${P}ls -l /proc/$PID/fd"; ls -l /proc/$PID/fd
  echo "${P}tail -5 $W/spoold.log"; tail -5 $W/spoold.log
  echo '```'; } > $W/transcript.md
kill -9 $PID   # pid 1 of its namespace ignores SIGTERM
