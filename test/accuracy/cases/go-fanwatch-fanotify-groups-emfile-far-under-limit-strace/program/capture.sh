#!/bin/bash
# fanwatch: two counts, ls -l | tail, a one-second strace -f, the limit.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
"$HERE/fanwatch" </dev/null >/dev/null 2>&1 & PID=$!
sleep 6
{
run "ls /proc/$PID/fd | wc -l"
sleep 4; run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd | tail -n 8"
run "timeout 1 strace -f -e trace=fanotify_init,close -p $PID"
run "cat /proc/$PID/limits | grep -i 'open files'"
} > "$HERE/screen.txt"
kill $PID
