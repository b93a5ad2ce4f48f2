#!/bin/bash
# escript under ulimit -n 512; on-call: ss -uanp count and head for beam, limits, log tail
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/r323-work/erludp
( ulimit -n 512; exec escript $HERE/statsd.escript $W/metrics.log ) </dev/null >/dev/null 2>&1 & P=$!
sleep 28
run() { echo "ops@worker-9:~$ $1"; bash -c "$1" 2>&1; }
{
run "pgrep beam.smp"
run "ss -uanp | grep -c beam.smp"
run "ss -uanp | grep beam.smp | head -4"
run "cat /proc/$P/limits | grep open"
run "tail -n 2 $W/metrics.log"
} > $HERE/screen.txt
kill $P
