#!/bin/bash
# Runs tmplsrv.pl under a 128 limit until it fails; on-call pastes two commands: log tail and fd count
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc175/tmplsrv; rm -rf "$W"; mkdir -p "$W/templates"; echo '<h1>[% title %]</h1>' > "$W/templates/page.tt"
prlimit --nofile=128:128 perl "$HERE/tmplsrv.pl" </dev/null >/dev/null 2>&1 & PID=$!
sleep 8
run() { echo "$ $1"; bash -c "$1" 2>&1; }
{
run "tail -n 3 $W/tmplsrv.log"
run "ls /proc/$PID/fd | wc -l"
} > "$HERE/screen.txt"
kill $PID
cat "$HERE/screen.txt"
