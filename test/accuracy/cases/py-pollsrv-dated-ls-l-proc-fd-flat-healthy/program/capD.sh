#!/bin/bash
# pollsrv (healthy): three `date -u; ls -l /proc/PID/fd` listings 10 s apart, limits, its log.
mkdir -p /tmp/r327-work/D/bundle; cd /tmp/r327-work/D/bundle; ulimit -n 1024
exec 251>&- 2>/dev/null; exec </dev/null
rm -f /tmp/r327-work/pollsrv.log
python3 ../../pollsrv.py >>out.log 2>&1 & PID=$!; sleep 3
{ for i in 1 2 3; do
  echo "\$ date -u"; date -u
  echo "\$ ls -l /proc/$PID/fd"; ls -l /proc/$PID/fd
  [ $i -lt 3 ] && sleep 10
done; } > fd-listings.txt 2>&1
cat /proc/$PID/limits > limits.txt
cp /tmp/r327-work/pollsrv.log pollsrv.log
kill $PID
