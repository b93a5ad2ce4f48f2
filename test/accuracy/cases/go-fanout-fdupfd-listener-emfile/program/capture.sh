#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }
# the session that runs this script hands it fds of its own (10, 251): close them so the programs start clean
for f in /proc/$$/fd/*; do n=${f##*/}; [ "$n" -gt 2 ] 2>/dev/null && eval "exec $n>&-"; done
mkdir -p /tmp/r250/run/fanout
prlimit --nofile=256:256 /tmp/r250/go8/fanout 2>/tmp/r250/run/fanout/fanout.log &
P=$!; sleep 20
{ run "tail -3 /tmp/r250/run/fanout/fanout.log"; run "pidof fanout"; run "ls /proc/$P/fd | wc -l"; run "grep 'open files' /proc/$P/limits"; } > "$HERE/screen.txt" 2>&1
kill $P
