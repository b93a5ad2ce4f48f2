#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }
# the session that runs this script hands it fds of its own (10, 251): close them so the programs start clean
for f in /proc/$$/fd/*; do n=${f##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-"; done
mkdir -p /tmp/r250/run/rotok
/tmp/r250/c5/rotok /tmp/r250/run/rotok >/dev/null 2>&1 &
P=$!; sleep 20
{ run "pgrep -af rotok"; run "cat /proc/$P/limits | grep -i files"; run "ls -l /proc/$P/fd"
  run "timeout 1 strace -e trace=desc -p $P"; run "sleep 5; ls /proc/$P/fd | wc -l"; } > "$HERE/screen.txt" 2>&1
kill $P
