#!/bin/bash
# Reproduces this case on this machine (as root); screen.txt is what it printed.
set -u
B=/tmp/r291/bin; L=/tmp/r291/logs; C=/tmp/r291/src/clients.py
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@jobs-3:~# %s\n' "$1"; bash -c "$1" 2>&1; }
prlimit --nofile=256:256 $B/evjobd 2>$L/evjobd.log </dev/null & P=$!
sleep 50
{ run "pidof evjobd"
  run "ls /proc/$P/fd | wc -l"
  run "timeout 3 strace -f -p $P -e trace=epoll_create,epoll_create1,eventfd2,pipe2,close"
  run "ls /proc/$P/fd | wc -l"
  run "ls -l /proc/$P/fd | tail -6"
  run "tail -4 $L/evjobd.log"; } > "$HERE/screen.txt" 2>&1
kill $P
