#!/bin/bash
exec 10<&- 251>&-
# jobrunner runs as pid 1 of its own PID namespace (its own /proc mounted); the on-call engineer
# looks at it from inside with nsenter -t HOSTPID -p -m, after checking NSpid on the host.
W=/tmp/r302-work/p8
unshare -p -f --mount-proc python3 $W/jobrunner.py 340 > $W/jobrunner.log 2>&1 &
sleep 7
for p in $(pgrep -f "$W/jobrunner.py"); do [ "$(awk '/^NSpid/{print $3}' /proc/$p/status)" = 1 ] && PID=$p; done
P='[root@batch-1 ~]# '
{ echo '```'
  echo "${P}grep NSpid /proc/$PID/status"; grep NSpid /proc/$PID/status
  echo "${P}nsenter -t $PID -p -m cat /proc/1/limits"; nsenter -t $PID -p -m cat /proc/1/limits
  echo "${P}nsenter -t $PID -p -m ls -l /proc/1/fd"; nsenter -t $PID -p -m ls -l /proc/1/fd
  echo '```'; } > $W/transcript.md
kill -9 $PID   # pid 1 of its namespace ignores SIGTERM
