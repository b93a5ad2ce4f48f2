#!/bin/bash
# Runs the forwarder, 240 clients through it, then lsof -nP -p of the forwarder in full and its limits.
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
D=$(cd "$(dirname "$0")" && pwd); B=${1:-$D/../bundle}; mkdir -p $B
python3 $D/tunfwd.py 47331 47332 >/dev/null 2>&1 </dev/null & PID=$!
python3 $D/upstream_and_clients.py 47332 47331 240 6 & LOAD=$!
sleep 5
{ echo "\$ lsof -nP -p $PID"; lsof -nP -p $PID; } > $B/lsof-p.txt 2>&1
cat /proc/$PID/limits > $B/limits-$PID.txt
wait $LOAD
kill $PID
