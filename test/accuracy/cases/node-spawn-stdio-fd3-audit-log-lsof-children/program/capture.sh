#!/bin/bash
# Runs auditor.js ~13 s (one job child per second), then captures by hand into transcript.md:
# ps -eo pid,ppid,lstart,cmd --forest cut to it, lsof -p of two children and of the parent.
HERE=$(cd "$(dirname "$0")" && pwd)
P() { local pr=$1; shift; printf '%s%s\n' "$pr" "$*"; bash -c "$*" 2>&1; }  # prompt, command, output
OUT=${1:-$HERE/../transcript.md}
( cd /var/tmp && exec node "$HERE/auditor.js" </dev/null >/dev/null 2>&1 10<&- 251>&- ) &
PID=$!; sleep 13
KIDS=$(pgrep -P $PID | sed -n "3p;9p")
{
echo '$ ps -eo pid,ppid,lstart,cmd --forest | grep -v grep | grep -E "auditor|sleep 600"'
ps -eo pid,ppid,lstart,cmd --forest | grep -v grep | grep -E "auditor|sleep 600" | grep -E "^ *($PID|[0-9]+ +$PID) "
for K in $KIDS; do P '$ ' "lsof -p $K"; done
P '$ ' "lsof -p $PID"
} > "$OUT"
kill -STOP $PID; ALL=$(pgrep -P $PID); kill $ALL; kill -KILL $PID
