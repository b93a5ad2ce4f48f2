#!/bin/sh
# Same run as java-rotlog-fos-deleted-lsfd-limits (pid 16421); only three commands pasted.
PID=16421
{ echo '```'; echo "\$ ls -l /proc/$PID/fd | grep deleted | head -5"; ls -l /proc/$PID/fd | grep deleted | head -5
  echo "\$ ls -l /proc/$PID/fd | grep -c deleted"; ls -l /proc/$PID/fd | grep -c deleted
  echo "\$ prlimit --pid $PID --nofile"; prlimit --pid $PID --nofile; echo '```'; } > transcript.md
