#!/bin/bash
# Builds and runs cached, then captures by hand into transcript.md: a 3.5-second
# strace -f -ttt -y -e trace=%desc,process, and one helper's ls -l /proc/CHILD/fd.
HERE=$(cd "$(dirname "$0")" && pwd)
P() { local pr=$1; shift; printf '%s%s\n' "$pr" "$*"; bash -c "$*" 2>&1; }  # prompt, command, output
OUT=${1:-$HERE/../transcript.md}
RUN=/var/tmp/acc180/cached; mkdir -p $RUN; head -c 200 /dev/urandom > $RUN/state.db
gcc -O2 -pthread -o $RUN/cached "$HERE/cached.c"
( cd $RUN && LC_ALL=C exec ./cached </dev/null >/dev/null 2>&1 10<&- 251>&- ) &
PID=$!; sleep 3
{
echo '```'
P '[root@cache01 ~]# ' "timeout 3.5 strace -f -ttt -y -e trace=%desc,process -p $PID"
K=$(pgrep -n -P $PID)
P '[root@cache01 ~]# ' "ls -l /proc/$K/fd"
echo '```'
} > "$OUT"
kill -STOP $PID; ALL=$(pgrep -P $PID); kill $ALL; kill -KILL $PID
