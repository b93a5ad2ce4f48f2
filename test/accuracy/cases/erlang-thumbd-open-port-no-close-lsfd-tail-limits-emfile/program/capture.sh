#!/bin/bash
# escript under ulimit -n 128; on-call: ps children count, lsfd tail, fd count, log tail
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/r323-work/erl
( ulimit -n 128; exec escript $HERE/dispatch.escript $W/thumbd.log ) </dev/null >/dev/null 2>&1 & P=$!
sleep 30
B=$(pgrep -P $P beam.smp || echo $P)
run() { echo "ops@media-1:~\$ $1"; bash -c "$1" 2>&1; }
{
run "pgrep -a beam.smp"
run "ps --ppid $B -o pid,stat,etime,cmd | head -4"
run "ps --ppid $B --no-headers | wc -l"
run "lsfd -p $B | tail -6"
run "ls /proc/$B/fd | wc -l"
run "grep files /proc/$B/limits"
run "tail -2 $W/thumbd.log"
} > $HERE/screen.txt
kill $P
