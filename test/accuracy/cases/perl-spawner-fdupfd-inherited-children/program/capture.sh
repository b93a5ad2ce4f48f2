#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }
# the session that runs this script hands it fds of its own (10, 251): close them so the programs start clean
for f in /proc/$$/fd/*; do n=${f##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-"; done
mkdir -p /tmp/r250/run/spawner
perl /tmp/r250/pl4/spawner.pl /tmp/r250/run/spawner/state >/dev/null 2>&1 &
P=$!; sleep 30
C=$(pgrep -n -P $P)
{ run "pgrep -af spawner"; run "ls /proc/$P/fd | wc -l"; run "ps --ppid $P -o pid,cmd | tail -3"; run "ls /proc/$C/fd | wc -l"
  run "ls -l /proc/$C/fd | tail -5"; run "timeout 1 strace -e trace=fcntl,close,execve -p $P"; } > "$HERE/screen.txt" 2>&1
kill -STOP $P; pkill -P $P; kill $P; kill -CONT $P
