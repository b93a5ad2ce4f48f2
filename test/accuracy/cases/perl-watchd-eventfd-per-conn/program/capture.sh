#!/bin/bash
# Runs watchd under a 512 limit until it has run out for a while, then types a few commands
# count, strace -f -tt -p for 2 s (its first lines), ls -l /proc/PID/fd | tail. Stops it.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/var/tmp/acc146/watchd
rm -rf "$RUN"; mkdir -p "$RUN"
cp "$HERE/watchd.pl" "$RUN/"; cd "$RUN"
prlimit --nofile=512:512 perl watchd.pl < /dev/null > watchd.out 2>&1 &
PID=$!
sleep 30
{
  echo "\$ prlimit --pid $PID"
  prlimit --pid $PID | grep -E 'RESOURCE|NOFILE'
  echo "\$ ls /proc/$PID/fd | wc -l"
  ls /proc/$PID/fd | wc -l
  echo "\$ timeout 2 strace -f -tt -p $PID 2>&1 | head -12"
  timeout 2 strace -f -tt -p $PID 2>&1 | head -12
  echo "\$ ls -l /proc/$PID/fd | tail -6"
  ls -l /proc/$PID/fd | tail -6
  echo "\$ tail -3 watchd.log"
  tail -3 watchd.log
} > "$RUN/screen.txt" 2>&1
kill $PID
cat "$RUN/screen.txt"
