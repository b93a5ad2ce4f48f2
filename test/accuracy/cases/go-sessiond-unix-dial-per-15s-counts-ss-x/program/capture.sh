#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
# sessiond is built from sessiond.go: go build -o /tmp/r239/bin/sessiond sessiond.go
run() { printf 'root@app2:/# %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm239/sessiond; mkdir -p $W
setsid "$HERE/clean.sh" /tmp/r239/bin/sessiond $W </dev/null >/dev/null 2>&1 &
sleep 10; P=$(pgrep -x sessiond)
{ run "pidof sessiond"
  for i in 1 2 3 4; do run "echo \$(date +%H:%M:%S) \$(ls /proc/$P/fd | wc -l)"; [ $i -lt 4 ] && sleep 30; done
  run "ss -xp | grep -c 'pid=$P,'"
  run "grep files /proc/$P/limits"; } > "$HERE/screen.txt" 2>&1
kill $P
