#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm203/statusd; mkdir -p $W && cd $W
setsid "$HERE/clean.sh" node "$HERE/reports.cjs" 19303 </dev/null >/dev/null 2>&1 &
sleep 1
setsid "$HERE/clean.sh" prlimit --nofile=16384:16384 node "$HERE/statusd.cjs" 19303 </dev/null >$W/statusd.log 2>&1 &
sleep 5; P=$(pgrep -f 'statusd.cjs 19303'); S=$(pgrep -f 'reports.cjs 19303')
{ run "pgrep -af statusd"
  for i in 1 2 3 4; do run "date; lsof -nP -p $P | wc -l"; [ $i -lt 4 ] && sleep 8; done
  run "lsof -nP -p $P | tail -4"; } > "$HERE/screen.txt" 2>&1
kill $P $S
