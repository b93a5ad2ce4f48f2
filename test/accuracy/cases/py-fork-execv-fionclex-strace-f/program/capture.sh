#!/bin/bash
# Runs pinger.py, then captures by hand into transcript.md: its ps --forest rows and a 3-second
# strace -f -ttt -y -e trace=%desc,process. Kills pinger and its probes by pid.
HERE=$(cd "$(dirname "$0")" && pwd)
P() { local pr=$1; shift; printf '%s%s\n' "$pr" "$*"; bash -c "$*" 2>&1; }  # prompt, command, output
OUT=${1:-$HERE/../transcript.md}
( cd /var/tmp && LC_ALL=C exec python3 "$HERE/pinger.py" </dev/null >/dev/null 2>&1 10<&- 251>&- ) &
PID=$!; sleep 4
{
echo '```'
P 'root@vm:~# ' "ps -eo pid,ppid,lstart,cmd --forest | awk 'NR==1 || \$1==$PID || \$2==$PID'"
P 'root@vm:~# ' "timeout 3 strace -f -ttt -y -e trace=%desc,process -p $PID"
echo '```'
} > "$OUT"
kill -STOP $PID; ALL=$(pgrep -P $PID); kill $ALL; kill -KILL $PID
