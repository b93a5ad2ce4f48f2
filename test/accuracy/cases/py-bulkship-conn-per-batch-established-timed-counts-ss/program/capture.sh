#!/bin/bash
# Reproduces this case: starts the stand-in backend on 127.0.0.1:19200 and bulkship (2048-fd
# limit, the backend 8192), then the on-call engineer's commands; the screen is bundle/screen.txt.
# Kills what it started. Run as root.
set -u
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
HERE=$(cd "$(dirname "$0")" && pwd)
cd /
W=/tmp/r303-work/bulkship; mkdir -p "$W"; cp "$HERE/bulkship.py" "$HERE/backend.py" "$W/"
OUT=${1:-$HERE/../bundle}; mkdir -p "$OUT"
prlimit --nofile=8192:8192 python3 "$W/backend.py" 19200 </dev/null >/dev/null 2>&1 & B=$!
sleep 0.5
prlimit --nofile=2048:2048 python3 "$W/bulkship.py" 19200 </dev/null >/dev/null 2>&1 & PID=$!
sleep 4
run() { echo "ops@ship-4:~\$ $1"; bash -c "$1" 2>&1; }
{
run "pgrep -f bulkship.py"
run "for i in 1 2 3 4 5; do echo \"\$(date +%T) \$(ls /proc/$PID/fd | wc -l)\"; sleep 2; done"
run "ss -tnp state established '( dport = :19200 )' | head -5"
run "ss -tnp state established '( dport = :19200 )' | grep -c pid=$PID"
run "grep 'open files' /proc/$PID/limits"
} > "$OUT/screen.txt"
kill $PID $B; wait 2>/dev/null
