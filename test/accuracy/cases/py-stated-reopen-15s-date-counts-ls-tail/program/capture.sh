#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm239/stated; mkdir -p $W
setsid "$HERE/clean.sh" python3 "$HERE/stated.py" $W </dev/null >$W/stated.out 2>&1 &
sleep 20; P=$(pgrep -f 'stated.py /tmp/cm239')
{ run "pidof -x stated.py; pgrep -f stated.py"
  for i in 1 2 3 4 5; do run "date; ls /proc/$P/fd | wc -l"; [ $i -lt 5 ] && sleep 20; done
  run "ls -l /proc/$P/fd | tail"
  run "grep 'open files' /proc/$P/limits"; } > "$HERE/screen.txt" 2>&1
kill $P
