#!/bin/bash
# Runs dispatch.py ~12 s (one report helper per second), then captures a bundle by hand: ps --forest
# rows of it and its children, its ls -l /proc/PID/fd and limits, two fd counts 5 s apart, and two
# helpers' ls -l /proc/CHILD/fd. Kills dispatch and its helpers by pid.
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../bundle}; mkdir -p "$OUT"
( cd /var/tmp && exec python3 "$HERE/dispatch.py" </dev/null >/dev/null 2>&1 10<&- 251>&- ) &
PID=$!; sleep 12
ps -eo pid,ppid,lstart,cmd --forest | awk -v p=$PID 'NR==1 || $1==p || $2==p' > "$OUT/ps-eo-forest.txt"
ls -l /proc/$PID/fd > "$OUT/ls-l-proc-$PID-fd.txt"
cat /proc/$PID/limits > "$OUT/proc-$PID-limits.txt"
for K in $(pgrep -P $PID | sed -n "2p;7p"); do ls -l /proc/$K/fd > "$OUT/ls-l-proc-$K-fd.txt"; done
{ echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l; sleep 5; echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l; } > "$OUT/fd-count.txt"
kill -STOP $PID; ALL=$(pgrep -P $PID); kill $ALL; kill -KILL $PID
