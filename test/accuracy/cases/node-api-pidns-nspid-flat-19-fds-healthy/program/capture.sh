#!/bin/bash
exec 10<&- 251>&-
# The api runs as pid 1 of its own PID namespace; a curl loop on the host keeps it busy; captured from the host.
W=/tmp/r302-work/n6
unshare -p -f --mount-proc node $W/server.js $W/config.json > $W/api.log 2>&1 &
sleep 2
( for i in $(seq 1 600); do curl -s -o /dev/null http://127.0.0.1:18080/; sleep 0.02; done ) &
LOOP=$!
sleep 2
PID=$(pgrep -f "^node $W/server.js")
P='[root@worker-2 ~]# '
{ echo '```'
  echo "${P}grep -E '^(Name|Pid|NSpid)' /proc/$PID/status"; grep -E '^(Name|Pid|NSpid)' /proc/$PID/status
  echo "${P}grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits
  for i in 1 2 3; do echo "${P}date; ls /proc/$PID/fd | wc -l"; date; ls /proc/$PID/fd | wc -l; sleep 3; done
  echo "${P}ls -l /proc/$PID/fd"; ls -l /proc/$PID/fd
  echo "${P}cat /tmp/r302-work/n6/api.log"; cat $W/api.log
  echo '```'; } > $W/transcript.md
kill $LOOP; kill -9 $PID   # pid 1 of its namespace ignores SIGTERM
