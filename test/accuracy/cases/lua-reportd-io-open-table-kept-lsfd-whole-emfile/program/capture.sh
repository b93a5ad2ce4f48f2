#!/bin/bash
# lua reportd under ulimit -n 128; on-call: the whole lsfd -p, prlimit, the log's last lines
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/r323-work/lua; mkdir -p $W/reports
( ulimit -n 128; exec lua5.4 $HERE/reportd.lua $W/reports $W/reportd.log ) </dev/null >/dev/null 2>&1 & P=$!
sleep 25
run() { echo "[root@batch-4 ~]# $1"; bash -c "$1" 2>&1; }
{
run "pgrep -a lua"
run "lsfd -p $P"
run "prlimit --nofile --pid $P"
run "tail -n 3 $W/reportd.log"
} > $HERE/screen.txt
kill $P
