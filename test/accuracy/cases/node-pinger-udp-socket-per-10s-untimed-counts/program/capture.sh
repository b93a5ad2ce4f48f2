#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf '$ %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm239/pinger; mkdir -p $W
setsid "$HERE/clean.sh" node "$HERE/pinger.js" </dev/null >$W/pinger.out 2>&1 &
sleep 15; P=$(pgrep -f 'pinger.js')
{ run "pgrep -f pinger.js"
  for i in 1 2 3 4; do run "ls /proc/$P/fd | wc -l"; [ $i -lt 4 ] && sleep 25; done
  run "ls -l /proc/$P/fd | tail -5"
  run "ulimit -n"; } > "$HERE/screen.txt" 2>&1
kill $P
