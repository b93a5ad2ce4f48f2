#!/bin/bash
# Reproduces this case: builds execinput, runs it (1024-fd limit) with two commands - one that
# prints a metric, one that prints a header first - and captures what an on-call engineer would
# with util-linux's lsfd and ps: `lsfd -p PID` (whole), the agent's children, two fd counts, the
# limit. Kills what it started. Run as root.
set -u
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
HERE=$(cd "$(dirname "$0")" && pwd)
cd /
W=/tmp/r303-work/execinput; L=/var/log/r303-execinput; mkdir -p "$W" "$L"
OUT=${1:-$HERE/../bundle}; mkdir -p "$OUT"
gcc -O1 -o "$W/execinput" "$HERE/execinput.c"
prlimit --nofile=1024:1024 "$W/execinput" 'echo queue_depth 3' 'printf "# queue stats\nqueue_depth 5\n"' </dev/null >"$L/execinput.log" 2>&1 & PID=$!
sleep 12
run() { echo "[root@metrics-3 ~]# $1"; bash -c "$1" 2>&1; }
{
run "pidof execinput"
run "ls /proc/$PID/fd | wc -l"
sleep 5
run "ls /proc/$PID/fd | wc -l"
run "ps --ppid $PID -o pid,stat,cmd | head -4"
run "ps --ppid $PID --no-headers | wc -l"
run "grep 'open files' /proc/$PID/limits"
run "tail -2 $L/execinput.log"
} > "$OUT/screen.txt"
lsfd -p $PID > "$OUT/lsfd-p-$PID.txt"
kill $PID; wait 2>/dev/null
rm -rf "$L"
