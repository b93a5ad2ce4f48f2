#!/bin/bash
# Runs pollerd.sh (limit 4096) for a while, then the on-call types: prlimit, find|wc twice, ls -la|tail -n 20
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc175/pollerd; rm -rf "$W"; mkdir -p "$W"; echo '{"queue":"mail","offset":1841}' > "$W/state.json"
prlimit --nofile=4096:4096 bash "$HERE/pollerd.sh" </dev/null >/dev/null 2>&1 & PID=$!
sleep 25
run() { echo "[oncall@app3 ~]\$ $1"; bash -c "$1" 2>&1; }
{
run "prlimit -n --pid $PID"
run "find /proc/$PID/fd | wc -l"
sleep 10
run "find /proc/$PID/fd | wc -l"
run "ls -la /proc/$PID/fd | tail -n 20"
} > "$HERE/screen.txt"
kill $PID
cat "$HERE/screen.txt"
