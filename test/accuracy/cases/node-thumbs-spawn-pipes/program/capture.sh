#!/bin/bash
# Runs thumbs under a 1024 limit and, after ~20 s, types two commands into a terminal the way
# with head/tail).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=/var/tmp/acc146/thumbs
rm -rf "$RUN"; mkdir -p "$RUN"
cp "$HERE/thumbs.js" "$RUN/"; cd "$RUN"   # out of the repository, whose package.json says "type": "module"
prlimit --nofile=1024:1024 node thumbs.js < /dev/null > thumbs.out 2>&1 &
PID=$!
sleep 20
{
  echo "\$ prlimit --pid $PID --nofile"
  prlimit --pid $PID --nofile
  echo "\$ ls /proc/$PID/fd | wc -l"
  ls /proc/$PID/fd | wc -l
  echo "\$ lsfd -p $PID -Q 'FD >= 0' | head -30"
  lsfd -p $PID -Q 'FD >= 0' | head -30
  echo "\$ lsfd -p $PID | tail -8"
  lsfd -p $PID | tail -8
} > "$RUN/screen.txt" 2>&1
kill $PID   # its converters read EOF on stdin then and exit
cat "$RUN/screen.txt"
