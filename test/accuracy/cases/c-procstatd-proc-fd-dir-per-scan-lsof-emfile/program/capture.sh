#!/bin/bash
# Reproduces this case: builds procstatd, starts two "watched" services (sleep), runs the
# agent on them under a 256-fd limit, waits until it logs EMFILE, then captures what an
# on-call engineer would: lsof -p of the agent, the tail of its log, its open-files limit.
# Kills what it started. Run as root.
set -u
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null
HERE=$(cd "$(dirname "$0")" && pwd)
cd /
W=/tmp/r303-work/procstat; L=/var/log/r303-procstatd; OUT=${1:-$HERE/../bundle}
mkdir -p "$W" "$L" "$OUT"; rm -f "$L/procstatd.log"
gcc -O1 -o "$W/procstatd" "$HERE/procstatd.c"
sleep 600 </dev/null >/dev/null 2>&1 & S1=$!
sleep 600 </dev/null >/dev/null 2>&1 & S2=$!
prlimit --nofile=256:256 "$W/procstatd" $S1 $S2 </dev/null >"$L/procstatd.log" 2>&1 & PID=$!
for i in $(seq 1 100); do grep -q 'Too many open files' "$L/procstatd.log" && break; sleep 0.1; done
sleep 0.3

{ echo "# lsof -p $PID"; lsof -p $PID 2>&1; } > "$OUT/lsof-p-$PID.txt"
{ echo "# tail -4 $L/procstatd.log"; tail -4 "$L/procstatd.log"; } > "$OUT/procstatd-log-tail.txt"
{ echo "# grep 'open files' /proc/$PID/limits"; grep 'open files' /proc/$PID/limits; } > "$OUT/limits.txt"
kill $PID $S1 $S2; wait 2>/dev/null
rm -rf "$L"
