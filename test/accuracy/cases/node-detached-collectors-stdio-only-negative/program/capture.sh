#!/bin/bash
# Runs exporter.js (6 detached collectors), then captures by hand into transcript.md: pstree -p,
# the parent's ls -l /proc/PID/fd and /proc/PID/limits, two collectors' ls -l /proc/CHILD/fd.
HERE=$(cd "$(dirname "$0")" && pwd)
P() { local pr=$1; shift; printf '%s%s\n' "$pr" "$*"; bash -c "$*" 2>&1; }  # prompt, command, output
OUT=${1:-$HERE/../transcript.md}
( cd /var/tmp && exec node "$HERE/exporter.js" </dev/null >/dev/null 2>&1 10<&- 251>&- ) &
PID=$!; sleep 5
KIDS=$(pgrep -P $PID | sed -n "1p;4p")
{
echo '```console'
P 'deploy@vm:~$ ' "pstree -p $PID"
P 'deploy@vm:~$ ' "ls -l /proc/$PID/fd"
P 'deploy@vm:~$ ' "cat /proc/$PID/limits"
for K in $KIDS; do P 'deploy@vm:~$ ' "ls -l /proc/$K/fd"; done
echo '```'
} > "$OUT"
kill -STOP $PID; ALL=$(pgrep -P $PID); kill $ALL; kill -KILL $PID
