#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf '$ %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm239/render; mkdir -p $W
setsid "$HERE/clean.sh" node "$HERE/render.js" 35 </dev/null >/dev/null 2>&1 &
sleep 10; P=$(pgrep -f 'render.js 35')
{ run "pgrep -f render.js"
  for i in 1 2 3 4 5; do run "date; ls /proc/$P/fd | wc -l"; [ $i -lt 5 ] && sleep 15; done
  run "cat /proc/$P/limits | grep open"
  run "ls -l /proc/$P/fd"; } > "$HERE/screen.txt" 2>&1
kill $(pgrep -P $P) $P
