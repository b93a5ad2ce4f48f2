#!/bin/bash
# Reproduces this case: starts 150 stand-in service processes (sleep, named r303-svc), runs
# appsagent on them (4096-fd limit), then the on-call engineer's commands: three dated fd counts,
# the whole `lsof -p PID`, the limit. Kills what it started. Run as root.
set -u
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
HERE=$(cd "$(dirname "$0")" && pwd)
cd /
W=/tmp/r303-work/apps; mkdir -p "$W"; cp "$HERE/appsagent.py" "$W/"
OUT=${1:-$HERE/../bundle}; mkdir -p "$OUT"
PIDS=()
for i in $(seq 1 150); do (exec -a r303-svc sleep 600) </dev/null >/dev/null 2>&1 & PIDS+=($!); done
prlimit --nofile=4096:4096 python3 "$W/appsagent.py" r303-svc </dev/null >/dev/null 2>&1 & PID=$!
sleep 3
run() { echo "root@db-7:~# $1"; bash -c "$1" 2>&1; }
{
run "pgrep -f appsagent.py"
run "date +%T; ls /proc/$PID/fd | wc -l"
sleep 4
run "date +%T; ls /proc/$PID/fd | wc -l"
sleep 4
run "date +%T; ls /proc/$PID/fd | wc -l"
run "grep 'open files' /proc/$PID/limits"
} > "$OUT/screen.txt"
lsof -p $PID > "$OUT/lsof-p-$PID.txt" 2>&1
kill $PID "${PIDS[@]}"; wait 2>/dev/null
