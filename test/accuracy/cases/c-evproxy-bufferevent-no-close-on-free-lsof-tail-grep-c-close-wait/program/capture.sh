#!/bin/bash
# Reproduces this case on this machine (as root); screen.txt is what it printed.
set -u
B=/tmp/r291/bin; L=/tmp/r291/logs; C=/tmp/r291/src/clients.py
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@lb-7:/srv# %s\n' "$1"; bash -c "$1" 2>&1; }
prlimit --nofile=256:256 $B/evproxy 2>$L/evproxy.log </dev/null & P=$!
sleep 1; python3 $C churn 7402 300 25; sleep 2
{ run "pgrep -l evproxy"
  run "lsof -nP -p $P | tail -5"
  run "lsof -nP -p $P | grep -c CLOSE_WAIT"
  run "cat /proc/$P/limits | grep -i files"
  run "tail -2 $L/evproxy.log"; } > "$HERE/screen.txt" 2>&1
kill $P
