#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'user@cache:~$ %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm239/cachewarm; mkdir -p $W
setsid "$HERE/clean.sh" perl "$HERE/cachewarm.pl" $W </dev/null >/dev/null 2>&1 &
sleep 5; P=$(pgrep -f 'cachewarm.pl /tmp/cm239')
{ run "pgrep -f cachewarm"
  for i in 1 2 3 4 5; do run "ls /proc/$P/fd | wc -l"; [ $i -lt 5 ] && sleep 13; done
  run "ls -l /proc/$P/fd | tail -3"
  run "grep 'open files' /proc/$P/limits"; } > "$HERE/screen.txt" 2>&1
kill $P
