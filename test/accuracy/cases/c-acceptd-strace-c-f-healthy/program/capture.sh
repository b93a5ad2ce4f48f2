#!/bin/bash
# Captures this case by hand-typed commands (root; needs gcc, python3, strace). Busy, healthy.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd); CASE=$(dirname "$HERE")
. /tmp/acc189/common.sh
W=/tmp/acc189/w-acceptd-c; rm -rf "$W"; mkdir -p "$W"; rm -f "$T"
gcc -O2 -g -o "$W/acceptd" "$HERE/acceptd.c"
cd "$W"; prlimit --nofile=1024:1024 ./acceptd 7301 >acceptd.out 2>acceptd.err & PID=$!
sleep 0.5
python3 "$HERE/loadgen.py" 7301 900 3 & LG=$!
sleep 1
say '```'
run "ls /proc/$PID/fd | wc -l"
run "timeout -s INT 5 strace -c -f -p $PID"
run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd"
say '```'
wait $LG || true; kill $PID
