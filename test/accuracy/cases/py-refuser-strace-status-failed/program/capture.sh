#!/bin/bash
# Captures this case by hand-typed commands (root; needs python3, strace). Nothing listens on
# 127.0.0.1:7399, so every connect is refused; the socket is parked and never closed.
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
W=/tmp/acc189/w-refuser; rm -rf "$W"; mkdir -p "$W"; rm -f "$T"
cd "$W"; prlimit --nofile=256:256 python3 "$HERE/refuser.py" 2>>refuser.log & PID=$!
sleep 1.5
say '```'
run "ls /proc/$PID/fd | wc -l"
run "timeout -s INT 3 strace -e trace=openat,close,socket,connect -e status=failed -p $PID 2>&1 | head -30"
run "ls /proc/$PID/fd | wc -l"
run "tail -5 $W/refuser.log"
say '```'
kill $PID
