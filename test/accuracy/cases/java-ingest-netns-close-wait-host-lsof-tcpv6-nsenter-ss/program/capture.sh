#!/bin/bash
exec 10<&- 251>&-
# ingest (Java) and an agent share a network namespace (one pod); the agent connects, sends a batch
# and closes, 80 times. Captured from the host, then from inside the namespace with nsenter.
W=/tmp/r302-work/j7
unshare -n bash -c "ip link set lo up; java -cp $W Ingest & sleep 1.5; exec python3 $W/agent.py" > $W/ingest.log 2>&1 &
sleep 18
PID=$(pgrep -f "java -cp $W Ingest")
P='root@k8s-node-4:~# '
{ echo '```'
  echo "${P}ss -tanp state close-wait | grep -c java"; ss -tanp state close-wait | grep -c java
  echo "${P}lsof -p $PID"; lsof -p $PID
  echo "${P}grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits
  echo "${P}nsenter -t $PID -n ss -tanp state close-wait"; nsenter -t $PID -n ss -tanp state close-wait
  echo '```'; } > $W/transcript.md
kill $(pgrep -f "$W/agent.py") $PID
