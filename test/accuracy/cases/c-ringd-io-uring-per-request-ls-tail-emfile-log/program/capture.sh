#!/bin/bash
# ringd under a 512-fd limit: two counts, ls -l | tail, the limit, then its log once it ran out.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
W=/tmp/ringd; rm -rf "$W"; mkdir -p "$W"
prlimit --nofile=512:512 "$HERE/ringd" </dev/null >"$W/ringd.log" 2>&1 & PID=$!
sleep 4
{
run "ls /proc/$PID/fd | wc -l"
sleep 5; run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd | tail -n 10"
run "grep 'open files' /proc/$PID/limits"
sleep 14
run "tail -n 3 $W/ringd.log"
} > "$HERE/screen.txt"
kill $PID; rm -rf "$W"
