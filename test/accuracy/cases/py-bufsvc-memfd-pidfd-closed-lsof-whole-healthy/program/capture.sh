#!/bin/bash
# bufsvc (healthy): the whole lsof -p, three counts.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
python3 "$HERE/bufsvc.py" </dev/null >/dev/null 2>&1 & PID=$!
sleep 5
{
run "lsof -p $PID"
run "ls /proc/$PID/fd | wc -l"
sleep 5; run "ls /proc/$PID/fd | wc -l"
sleep 5; run "ls /proc/$PID/fd | wc -l"
} > "$HERE/screen.txt"
kill $PID
