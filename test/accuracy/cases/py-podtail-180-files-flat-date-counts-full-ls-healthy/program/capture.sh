#!/bin/bash
# Reproduces this case: starts the sink and the pods, then podtail (1024-fd limit) on their
# folder, and runs the on-call engineer's commands; the screen is bundle/screen.txt. Kills
# what it started. Run as root.
set -u
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
HERE=$(cd "$(dirname "$0")" && pwd)
cd /
W=/tmp/r303-work/healthy; mkdir -p "$W"; cp "$HERE/podtail.py" "$HERE/sink_and_pods.py" "$W/"
D=/var/log/r303-pods; rm -rf "$D"
OUT=${1:-$HERE/../bundle}; mkdir -p "$OUT"
python3 "$W/sink_and_pods.py" "$D" 24224 </dev/null >/dev/null 2>&1 & S=$!
sleep 1
prlimit --nofile=1024:1024 python3 "$W/podtail.py" "$D" 24224 </dev/null >/dev/null 2>&1 & PID=$!
sleep 3
run() { echo "[root@node-7 ~]# $1"; bash -c "$1" 2>&1; }
{
run "pgrep -f podtail"
run "date; ls /proc/$PID/fd | wc -l"
sleep 5
run "date; ls /proc/$PID/fd | wc -l"
sleep 5
run "date; ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd"
run "grep 'open files' /proc/$PID/limits"
} > "$OUT/screen.txt"
kill $PID $S; wait 2>/dev/null
rm -rf "$D"
