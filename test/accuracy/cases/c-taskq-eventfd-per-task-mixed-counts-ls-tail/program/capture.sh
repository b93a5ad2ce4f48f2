#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
# taskq is built from taskq.c: gcc -O2 -o /tmp/r239/bin/taskq taskq.c
run() { printf 'root@worker3:~# %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm239/taskq; mkdir -p $W
setsid "$HERE/clean.sh" /tmp/r239/bin/taskq $W </dev/null >/dev/null 2>&1 &
sleep 25; P=$(pgrep -x taskq)
{ run "pgrep taskq"
  run "ls /proc/$P/fd | wc -l"; sleep 20
  run "ls /proc/$P/fd | wc -l"; sleep 20
  run "date; ls /proc/$P/fd | wc -l"; sleep 25
  run "date; ls /proc/$P/fd | wc -l"
  run "ls -l /proc/$P/fd | tail -4"
  run "prlimit -n -p $P"; } > "$HERE/screen.txt" 2>&1
kill $P
