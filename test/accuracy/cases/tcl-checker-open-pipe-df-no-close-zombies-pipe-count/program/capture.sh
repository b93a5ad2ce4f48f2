#!/bin/bash
# tclsh checker (limit 1024); on-call: zombies under it, pipe count, fd count
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/r323-work/tcl
tclsh $HERE/checker.tcl $W/checker.log </dev/null >/dev/null 2>&1 & P=$!
sleep 32
run() { echo "admin@mon-2:~\$ $1"; bash -c "$1" 2>&1; }
{
run "pgrep -a tclsh"
run "ps --ppid $P -o pid,stat,cmd | head -5"
run "ls -l /proc/$P/fd | grep -c pipe"
run "ls /proc/$P/fd | wc -l"
} > $HERE/screen.txt
kill $P
