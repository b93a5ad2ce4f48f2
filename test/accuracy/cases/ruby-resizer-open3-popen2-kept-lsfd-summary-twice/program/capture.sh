#!/bin/bash
# resizer.rb (limit 1024); on-call: lsfd's summary of it twice a minute apart, and its limit
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/r323-work/rbo3
( ulimit -n 1024; exec ruby $HERE/resizer.rb ) </dev/null >/dev/null 2>&1 & P=$!
sleep 20
run() { echo "deploy@img-4:~$ $1"; bash -c "$1" 2>&1; }
{
run "pgrep -af resizer"
run "date; lsfd --summary=only -p $P"
sleep 60
run "date; lsfd --summary=only -p $P"
run "prlimit -n -p $P"
} > $HERE/screen.txt
kill $P
