#!/bin/bash
# pool.rb (6 keep-alive sessions) against kaserver.py; on-call: whole lsof -p, limits, two timed counts a minute apart
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/r323-work/rbok
python3 $HERE/kaserver.py 18824 </dev/null >/dev/null 2>&1 & SRV=$!
sleep 1
( ulimit -n 1024; exec ruby $HERE/pool.rb 18824 $W/pool.log ) </dev/null >/dev/null 2>&1 & P=$!
sleep 10
run() { echo "deploy@prices-1:~\$ $1"; bash -c "$1" 2>&1; }
{
run "pgrep -af pool.rb"
run "date +%T; ls /proc/$P/fd | wc -l"
run "lsof -nP -p $P"
run "grep 'open files' /proc/$P/limits"
sleep 60
run "date +%T; ls /proc/$P/fd | wc -l"
run "tail -2 $W/pool.log"
} > $HERE/screen.txt
kill $P $SRV
