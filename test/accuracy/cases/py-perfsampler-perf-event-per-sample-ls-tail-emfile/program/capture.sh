#!/bin/bash
# perfsampler under a 512-fd limit: two counts, ls -l | tail, the limit, then its log.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
W=/tmp/perfsampler; rm -rf "$W"; mkdir -p "$W"
prlimit --nofile=512:512 python3 "$HERE/perfsampler.py" </dev/null >"$W/perfsampler.log" 2>&1 & PID=$!
sleep 5
{
run "ls /proc/$PID/fd | wc -l"
sleep 5; run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd | tail -n 10"
run "cat /proc/$PID/limits | grep -i 'open files'"
sleep 14
run "tail -n 2 $W/perfsampler.log"
} > "$HERE/screen.txt"
kill $PID; rm -rf "$W"
