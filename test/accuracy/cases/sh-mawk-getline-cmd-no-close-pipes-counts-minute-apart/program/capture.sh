#!/bin/bash
# feed -> access.log; daystats (mawk) reads it; on-call: fd counts a minute apart, the tail of ls -l
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/r323-work/awk; : > $W/access.log
bash $HERE/feed.sh >> $W/access.log 2>/dev/null & F=$!
bash $HERE/daystats.sh $W/access.log $W/daystats.txt </dev/null >/dev/null 2>&1 & D=$!
sleep 8
M=$(pgrep -n -x mawk)
run() { echo "[ops@edge-5 ~]\$ $1"; bash -c "$1" 2>&1; }
{
run "pgrep -a mawk"
run "date; ls /proc/$M/fd | wc -l"
sleep 60
run "date; ls /proc/$M/fd | wc -l"
run "ls -l /proc/$M/fd | tail -5"
} > $HERE/screen.txt
kill $M $F $D
