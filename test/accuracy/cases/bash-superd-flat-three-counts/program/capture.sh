#!/bin/bash
# Runs superd.sh; on-call checks whether it leaks: count x3 ten seconds apart, full ls -l, prlimit
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc175/superd; rm -rf "$W"; mkdir -p "$W"
bash "$HERE/superd.sh" </dev/null >/dev/null 2>&1 & PID=$!
sleep 5
run() { echo "ops@edge2:~\$ $1"; bash -c "$1" 2>&1; }
{
run "date; ls /proc/$PID/fd | wc -l"
sleep 10
run "date; ls /proc/$PID/fd | wc -l"
sleep 10
run "date; ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd"
run "prlimit -n --pid $PID"
} > "$HERE/screen.txt"
kill $PID; sleep 2.1
cat "$HERE/screen.txt"
