#!/bin/bash
# Captures this case by hand-typed commands (root; needs gcc, strace). strace without -f: only
# the main thread (blocked in pthread_join) is traced; the worker that leaks is not.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd); CASE=$(dirname "$HERE")
# Start with only stdin/stdout/stderr (the shell this runs under may keep fds of its own open),
# and note each typed command with its output in the transcript, as a terminal shows it.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
T=$CASE/transcript.md
say() { printf '%s\n' "$*" >> "$T"; }
run() { printf '$ %s\n' "$1" >> "$T"; bash -c "$1" >> "$T" 2>&1 || true; }
W=/tmp/acc189/w-pipeworker; rm -rf "$W"; mkdir -p "$W"; rm -f "$T"
gcc -O2 -g -pthread -o "$W/pipeworker" "$HERE/pipeworker.c"
cd "$W"; prlimit --nofile=256:256 ./pipeworker 2>>pipeworker.log & PID=$!
sleep 3
say '```'
run "ps -o pid,nlwp,etime,args -p $PID"
run "ls /proc/$PID/fd | wc -l"
run "timeout -s INT 3 strace -p $PID"
run "ls /proc/$PID/fd | wc -l"
run "tail -4 $W/pipeworker.log"
say '```'
kill $PID
