#!/bin/bash
# Reproduces this case on this machine (as root); screen.txt is what it printed.
set -u
B=/tmp/r291/bin; L=/tmp/r291/logs; C=/tmp/r291/src/clients.py
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@chat-1:~# %s\n' "$1"; bash -c "$1" 2>&1; }
prlimit --nofile=256:256 $B/uvchatd 7403 2>$L/uvchatd.log </dev/null & P=$!
sleep 1; python3 $C hold 7403 40 70 & H=$!; python3 $C churn 7403 600 10 & K=$!
sleep 8
{ run "pgrep uvchatd"
  run "date; ls /proc/$P/fd | wc -l"; sleep 20
  run "date; ls /proc/$P/fd | wc -l"; sleep 20
  run "date; ls /proc/$P/fd | wc -l"
  run "ls -l /proc/$P/fd"
  run "prlimit -n -p $P"; } > "$HERE/screen.txt" 2>&1
kill $P $H $K
