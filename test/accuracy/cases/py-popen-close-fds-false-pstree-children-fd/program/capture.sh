#!/bin/bash
# Runs jobsrv.py ~14 s (one sleep child per second), then captures by hand into transcript.md:
# pstree -p, the parent's ls -l /proc/PID/fd and one fdinfo, two children's ls -l /proc/CHILD/fd.
# Kills jobsrv and its children by pid.
HERE=$(cd "$(dirname "$0")" && pwd)
P() { local pr=$1; shift; printf '%s%s\n' "$pr" "$*"; bash -c "$*" 2>&1; }  # prompt, command, output
OUT=${1:-$HERE/../transcript.md}
( cd /var/tmp && exec python3 "$HERE/jobsrv.py" </dev/null >/dev/null 2>&1 10<&- 251>&- ) &
PID=$!; sleep 14
KIDS=$(pgrep -P $PID | sed -n "2p;5p")
{
echo '```'
P 'root@vm:~# ' "pstree -p $PID"
P 'root@vm:~# ' "ls -l /proc/$PID/fd"
for K in $KIDS; do P 'root@vm:~# ' "ls -l /proc/$K/fd"; done
P 'root@vm:~# ' "cat /proc/$PID/fdinfo/5"
echo '```'
} > "$OUT"
kill -STOP $PID; ALL=$(pgrep -P $PID); kill $ALL; kill -KILL $PID
