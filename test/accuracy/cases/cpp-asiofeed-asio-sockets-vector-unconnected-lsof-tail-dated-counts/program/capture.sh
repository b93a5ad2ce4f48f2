#!/bin/bash
# Reproduces this case on this machine (as root); screen.txt is what it printed.
set -u
B=/tmp/r291/bin; L=/tmp/r291/logs; C=/tmp/r291/src/clients.py
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'deploy@feed-1:~$ sudo %s\n' "$1"; bash -c "$1" 2>&1; }
prlimit --nofile=256:256 $B/asiofeed 2>$L/asiofeed.log </dev/null & P=$!
sleep 8
{ run "pgrep asiofeed"
  run "date; ls /proc/$P/fd | wc -l"; sleep 6
  run "date; ls /proc/$P/fd | wc -l"; sleep 20
  run "lsof -p $P | tail -5"
  run "cat /proc/$P/limits | grep files"
  run "tail -2 $L/asiofeed.log"; } > "$HERE/screen.txt" 2>&1
kill $P
