#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }
# the session that runs this script hands it fds of its own (10, 251): close them so the programs start clean
for f in /proc/$$/fd/*; do n=${f##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-"; done
python3 /tmp/r250/py2/worker.py >/dev/null 2>&1 &
P=$!; sleep 30
{ run "pgrep -af worker.py"; run "ls /proc/$P/fd | wc -l"; run "lsof -p $P | tail -6"
  run "timeout 1 strace -e trace=dup,dup2,dup3,fcntl,close,openat -p $P"; } > "$HERE/screen.txt" 2>&1
kill $P
