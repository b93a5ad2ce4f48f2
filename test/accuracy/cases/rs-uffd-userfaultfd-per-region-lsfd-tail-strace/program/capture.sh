#!/bin/bash
# uffd: two counts, lsfd -p | tail, a one-second strace -f.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
"$HERE/uffd" </dev/null >/dev/null 2>&1 & PID=$!
sleep 6
{
run "ls /proc/$PID/fd | wc -l"
sleep 5; run "ls /proc/$PID/fd | wc -l"
run "lsfd -p $PID | tail -n 8"
run "timeout 1 strace -f -p $PID"
} > "$HERE/screen.txt"
kill $PID
