#!/bin/bash
# Reproduces this case on this machine (as root); screen.txt is what it printed.
set -u
B=/tmp/r291/bin; L=/tmp/r291/logs; C=/tmp/r291/src/clients.py
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@batch-4:~# %s\n' "$1"; bash -c "$1" 2>&1; }
prlimit --nofile=256:256 $B/uvjobrun >$L/uvjobrun.log 2>&1 </dev/null & P=$!
sleep 12
{ run "pgrep uvjobrun"
  run "date; ls /proc/$P/fd | wc -l"; sleep 15
  run "date; ls /proc/$P/fd | wc -l"; sleep 25
  run "ls -l /proc/$P/fd | tail -4"
  run "ss -xp | grep uvjobrun | head -4"
  run "prlimit -n -p $P"
  run "tail -3 $L/uvjobrun.log"; } > "$HERE/screen.txt" 2>&1
kill $P
