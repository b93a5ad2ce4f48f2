#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }
# the session that runs this script hands it fds of its own (10, 251): close them so the programs start clean
for f in /proc/$$/fd/*; do n=${f##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-"; done
mkdir -p /tmp/r250/run/runner
python3 /tmp/r250/py6/runner.py /tmp/r250/run/runner/lock >/dev/null 2>&1 &
P=$!; sleep 20
C=$(pgrep -n -P $P)
{ run "pgrep -af runner.py"; run "grep 'open files' /proc/$P/limits"; run "ls -l /proc/$P/fd"; run "ls -l /proc/$C/fd"
  run "timeout 2 strace -e trace=fcntl,close,dup,dup2,dup3 -p $P"; run "ls /proc/$P/fd | wc -l"; } > "$HERE/screen.txt" 2>&1
kill -STOP $P; pkill -P $P; kill $P; kill -CONT $P
