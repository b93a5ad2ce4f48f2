#!/bin/bash
exec 10<&- 251>&-
# Run dialer in its own network namespace (lo up, nothing on 6380), limit 256, then capture from the host.
W=/tmp/r302-work/c1
unshare -n sh -c "ip link set lo up; ulimit -n 256; exec $W/dialer" > $W/dialer.log 2>&1 &
sleep 8
PID=$(pgrep -x dialer)
P='root@node7:~# '
{ echo '```'
  echo "${P}lsof -p $PID"; lsof -p $PID
  echo "${P}cat /proc/$PID/limits | grep -i 'open files'"; grep -i 'open files' /proc/$PID/limits
  echo "${P}ss -s"; ss -s
  echo "${P}ss -tanp | grep -c dialer"; ss -tanp | grep -c dialer
  echo "${P}tail -4 $W/dialer.log"; tail -4 $W/dialer.log
  echo '```'; } > $W/transcript.md
kill $PID
