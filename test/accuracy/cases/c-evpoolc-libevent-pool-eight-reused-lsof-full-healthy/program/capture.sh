#!/bin/bash
# Reproduces this case on this machine (as root); screen.txt is what it printed.
set -u
B=/tmp/r291/bin; L=/tmp/r291/logs; C=/tmp/r291/src/clients.py
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@quote-5:~# %s\n' "$1"; bash -c "$1" 2>&1; }
$B/uvchatd 7404 </dev/null >/dev/null 2>&1 & S=$!
sleep 1; prlimit --nofile=256:256 $B/evpoolc </dev/null >/dev/null 2>&1 & P=$!
sleep 10
{ run "pgrep -a evpoolc"
  run "ls /proc/$P/fd | wc -l"; sleep 25
  run "ls /proc/$P/fd | wc -l"
  run "lsof -nP -p $P"
  run "ss -tnp | grep evpoolc | head -3"
  run "grep 'Max open files' /proc/$P/limits"; } > "$HERE/screen.txt" 2>&1
kill $P $S
