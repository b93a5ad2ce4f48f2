#!/bin/bash
# Runs mailq.pl (one blocking system("sleep", "120") per message), then captures by hand into
# transcript.md two commands only: pstree -p and lsof -p of the one child. Kills both by pid.
HERE=$(cd "$(dirname "$0")" && pwd)
P() { local pr=$1; shift; printf '%s%s\n' "$pr" "$*"; bash -c "$*" 2>&1; }  # prompt, command, output
OUT=${1:-$HERE/../transcript.md}
( cd /var/tmp && exec perl "$HERE/mailq.pl" </dev/null >/dev/null 2>&1 10<&- 251>&- ) &
PID=$!; sleep 3
K=$(pgrep -P $PID)
{
P 'admin@mx2:~$ ' "pstree -p $PID"
P 'admin@mx2:~$ ' "lsof -p $K"
} > "$OUT"
kill -STOP $PID; kill $K; kill -KILL $PID
