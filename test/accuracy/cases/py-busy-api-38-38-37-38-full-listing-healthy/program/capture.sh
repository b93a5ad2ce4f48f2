#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@api1:~# %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm239/api; mkdir -p $W
setsid "$HERE/clean.sh" prlimit --nofile=4096:4096 python3 "$HERE/api.py" $W 19462 </dev/null >/dev/null 2>&1 &
sleep 2
setsid "$HERE/clean.sh" python3 "$HERE/load.py" 19462 </dev/null >/dev/null 2>&1 &
sleep 10; P=$(pgrep -f 'api.py /tmp/cm239'); L=$(pgrep -f 'load.py 19462')
{ run "pgrep -af api.py"
  for i in 1 2 3 4; do run "date; ls /proc/$P/fd | wc -l"; [ $i -lt 4 ] && sleep 15; done
  run "grep 'open files' /proc/$P/limits"
  run "ls -l /proc/$P/fd"; } > "$HERE/screen.txt" 2>&1
kill $P $L
