#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm203/ratesync; rm -rf $W; mkdir -p $W && cd $W
setsid "$HERE/clean.sh" python3 "$HERE/rates.py" 19302 </dev/null >/dev/null 2>&1 &
sleep 1
setsid "$HERE/clean.sh" prlimit --nofile=200:200 python3 "$HERE/ratesync.py" 19302 $W/ratesync.log </dev/null >/dev/null 2>&1 &
sleep 15; P=$(pgrep -f 'ratesync.py 19302'); S=$(pgrep -f 'rates.py 19302')
{ run "pgrep -af ratesync"
  run "tail -4 $W/ratesync.log"
  run "ls /proc/$P/fd | wc -l"
  run "grep 'open files' /proc/$P/limits"
  run "lsof -nP -p $P | awk '{print \$NF}' | sort | uniq -c | sort -rn | head -5"; } > "$HERE/screen.txt" 2>&1
kill $P $S
