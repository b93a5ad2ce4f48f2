#!/bin/bash
# Reproduces this case: starts the stand-in collector on 127.0.0.1:14318 and the exporter
# (4096-fd limit), then runs the on-call engineer's commands and saves the screen as
# bundle/screen.txt. Kills what it started. Run as root.
set -u
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
HERE=$(cd "$(dirname "$0")" && pwd)
cd /
W=/tmp/r303-work/otlp; mkdir -p "$W"; cp "$HERE/exporter.py" "$HERE/collector.py" "$W/"
OUT=${1:-$HERE/../bundle}; mkdir -p "$OUT"; L=/var/log/r303-spanexport; mkdir -p "$L"
python3 "$W/collector.py" 14318 </dev/null >/dev/null 2>&1 & C=$!
sleep 0.5
prlimit --nofile=4096:4096 python3 "$W/exporter.py" 14318 </dev/null >"$L/spanexport.log" 2>&1 & PID=$!
sleep 8
run() { echo "root@otel-gw-02:~# $1"; bash -c "$1" 2>&1; }
{
run "pgrep -a python3 | grep exporter"
run "ls /proc/$PID/fd | wc -l"
sleep 5
run "ls /proc/$PID/fd | wc -l"
run "ss -tnp state close-wait | head -5"
run "ss -tnp state close-wait | grep -c pid=$PID"
run "grep 'open files' /proc/$PID/limits"
} > "$OUT/screen.txt"
kill $PID $C; wait 2>/dev/null
rm -rf "$L"
