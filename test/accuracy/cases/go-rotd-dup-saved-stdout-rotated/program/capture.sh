#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }
# the session that runs this script hands it fds of its own (10, 251): close them so the programs start clean
for f in /proc/$$/fd/*; do n=${f##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-"; done
mkdir -p /tmp/r250/run/rotd
/tmp/r250/go3/rotd /tmp/r250/run/rotd >/tmp/r250/run/rotd/rotd.log 2>&1 &
P=$!; sleep 30
{ run "pidof rotd"; run "prlimit --pid $P --nofile"; run "ls /proc/$P/fd | wc -l"; run "ls -l /proc/$P/fd | tail -6"
  run "sleep 5; ls /proc/$P/fd | wc -l"; } > "$HERE/screen.txt" 2>&1
kill $P
