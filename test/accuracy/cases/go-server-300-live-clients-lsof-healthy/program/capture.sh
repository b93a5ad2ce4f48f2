#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm203/chatd; mkdir -p $W && cd $W
(cd "$HERE" && GOCACHE=/tmp/cm203/gocache GO111MODULE=off go build -o $W/chatd chatd.go)
setsid "$HERE/clean.sh" prlimit --nofile=8192:8192 $W/chatd 19308 </dev/null >$W/chatd.log 2>&1 &
sleep 1
setsid "$HERE/clean.sh" python3 "$HERE/clients.py" 19308 300 </dev/null >/dev/null 2>&1 &
sleep 5; P=$(pgrep -f "$W/chatd 19308"); S=$(pgrep -f 'clients.py 19308')
{ run "pgrep -a chatd"
  run "cat /proc/$P/limits | grep files"
  run "lsof -nP -p $P | wc -l"
  run "lsof -nP -p $P | grep -c ESTABLISHED"
  run "lsof -nP -p $P"; } > "$HERE/screen.txt" 2>&1
kill $P $S
