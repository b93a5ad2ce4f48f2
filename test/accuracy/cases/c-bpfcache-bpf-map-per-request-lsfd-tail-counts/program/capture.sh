#!/bin/bash
# bpfcache: two counts, lsfd -p | tail, prlimit.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
"$HERE/bpfcache" </dev/null >/dev/null 2>&1 & PID=$!
sleep 5
{
run "ls /proc/$PID/fd | wc -l"
sleep 6; run "ls /proc/$PID/fd | wc -l"
run "lsfd -p $PID | tail -n 10"
run "prlimit --pid $PID --nofile"
} > "$HERE/screen.txt"
kill $PID
