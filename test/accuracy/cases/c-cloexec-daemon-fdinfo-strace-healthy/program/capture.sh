#!/bin/bash
# Builds and runs rotd, then captures by hand into transcript.md: its ls -l /proc/PID/fd, the
# fdinfo of each fd of 3 and above, its limits and a 2-second strace -f -ttt -y -e trace=%desc,process.
HERE=$(cd "$(dirname "$0")" && pwd)
P() { local pr=$1; shift; printf '%s%s\n' "$pr" "$*"; bash -c "$*" 2>&1; }  # prompt, command, output
OUT=${1:-$HERE/../transcript.md}
RUN=/var/tmp/acc180/rotd; mkdir -p $RUN
gcc -O2 -o $RUN/rotd "$HERE/rotd.c"
( cd $RUN && LC_ALL=C exec ./rotd </dev/null >/dev/null 2>&1 10<&- 251>&- ) &
PID=$!; sleep 3
{
echo '```'
P '# ' "ls -l /proc/$PID/fd"
P '# ' "grep -H flags /proc/$PID/fdinfo/*"
P '# ' "grep 'open files' /proc/$PID/limits"
P '# ' "timeout 2 strace -f -ttt -y -e trace=%desc,process -p $PID"
echo '```'
} > "$OUT"
kill -STOP $PID; ALL=$(pgrep -P $PID); kill $ALL; kill -KILL $PID
