#!/bin/bash
# Runs reportd.sh under a 256 limit until it fails; the on-call types: tail of its log, lsof -n -P -p PID +c0, status|grep -i fd
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc175/reportd; rm -rf "$W"; mkdir -p "$W"
prlimit --nofile=256:256 bash "$HERE/reportd.sh" </dev/null >/dev/null 2>>"$W/reportd.err" & PID=$!
sleep 20
run() { echo "root@batch1:~# $1"; bash -c "$1" 2>&1; }
{
run "tail -n 4 $W/reportd.err"
run "tail -n 3 $W/reportd.log"
run "cat /proc/$PID/status | grep -i fd"
run "lsof -n -P -p $PID +c0"
} > "$HERE/screen.txt"
kill $PID
cat "$HERE/screen.txt" | head -30
