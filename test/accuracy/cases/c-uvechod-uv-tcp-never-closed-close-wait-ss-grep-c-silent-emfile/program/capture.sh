#!/bin/bash
# Reproduces this case on this machine (as root); screen.txt is what it printed.
set -u
B=/tmp/r291/bin; L=/tmp/r291/logs; C=/tmp/r291/src/clients.py
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@edge-2:~# %s\n' "$1"; bash -c "$1" 2>&1; }
prlimit --nofile=256:256 $B/uvechod 7401 2>$L/uvechod.log </dev/null & P=$!
sleep 1; python3 $C churn 7401 300 25; sleep 2
{ run "pgrep -a uvechod"
  run "ls /proc/$P/fd | wc -l"
  run "ss -tanp | grep uvechod | head -5"
  run "ss -tanp | grep uvechod | grep -c CLOSE-WAIT"
  run "grep 'open files' /proc/$P/limits"
  run "tail -3 $L/uvechod.log"; } > "$HERE/screen.txt" 2>&1
kill $P
