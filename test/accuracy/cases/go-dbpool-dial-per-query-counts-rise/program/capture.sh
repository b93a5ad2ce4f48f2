#!/bin/bash
# Reproduces this case on this machine (run as root); screen.txt is what it printed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
run() { printf 'root@vm:~# %s\n' "$1"; bash -c "$1" 2>&1; }
W=/tmp/cm203/orders; mkdir -p $W && cd $W
(cd "$HERE" && GOCACHE=/tmp/cm203/gocache GO111MODULE=off go build -o $W/orders orders.go)
setsid "$HERE/clean.sh" python3 "$HERE/fakedb.py" 19301 </dev/null >/dev/null 2>&1 &
sleep 1
setsid "$HERE/clean.sh" prlimit --nofile=4096:4096 $W/orders 127.0.0.1:19301 </dev/null >$W/orders.log 2>&1 &
sleep 5; P=$(pgrep -f "$W/orders 127"); D=$(pgrep -f 'fakedb.py 19301')
{ run "pgrep -a orders"
  for i in 1 2 3 4; do run "date; ls /proc/$P/fd | wc -l"; [ $i -lt 4 ] && sleep 10; done
  run "grep 'open files' /proc/$P/limits"
  run "ss -tnp state established '( dport = :19301 )' | head -5"
  run "ss -tnp state established '( dport = :19301 )' | grep -c 'pid=$P,'"; } > "$HERE/screen.txt" 2>&1
kill $P $D
