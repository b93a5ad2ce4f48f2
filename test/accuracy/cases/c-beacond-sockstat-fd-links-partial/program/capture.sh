#!/bin/sh
# Same run as ../../c-beacond-unconnected-ss-s-sockstat-lsof/program/capture.sh (beacond
PID=$(cat /tmp/cap168/beacond.pid)
{ echo '```'; echo '$ cat /proc/net/sockstat'; cat /proc/net/sockstat
  echo "\$ ls -l /proc/$PID/fd | head -12"; ls -l /proc/$PID/fd | head -12
  echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l; echo '```'; } > transcript.md
kill $PID
