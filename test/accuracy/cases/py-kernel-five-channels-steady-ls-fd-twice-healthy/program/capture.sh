#!/bin/bash
# Start the kernel and its client, let it serve for a while, then take two full fd
# listings 30 s apart, its limits, its ss rows and its log.
cd /tmp/r316-work/kern
rm -f kernel.log kernel-conn.json
( ulimit -n 1024; exec python3 kernel.py /tmp/r316-work/kern/kernel-conn.json /tmp/r316-work/kern/kernel.log </dev/null >kernel.out 2>&1 10<&- 251>&- ) &
KPID=$!
sleep 1
python3 client.py /tmp/r316-work/kern/kernel-conn.json </dev/null >/dev/null 2>&1 &
CPID=$!
sleep 10
{
  echo "\$ pgrep -af kernel.py"
  pgrep -af kernel.py
  echo "\$ cat /proc/$KPID/limits | grep -i 'open files'"
  grep -i 'open files' /proc/$KPID/limits
  echo "\$ date; ls /proc/$KPID/fd | wc -l; ls -l /proc/$KPID/fd"
  date; ls /proc/$KPID/fd | wc -l; ls -l /proc/$KPID/fd
  sleep 30
  echo "\$ date; ls /proc/$KPID/fd | wc -l; ls -l /proc/$KPID/fd"
  date; ls /proc/$KPID/fd | wc -l; ls -l /proc/$KPID/fd
  echo "\$ ss -tanp | grep pid=$KPID"
  ss -tanp | grep "pid=$KPID"
  echo "\$ cat /tmp/r316-work/kern/kernel.log"
  cat kernel.log
} > screen.txt 2>&1
kill "$CPID" "$KPID"
