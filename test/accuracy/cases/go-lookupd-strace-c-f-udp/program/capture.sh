#!/bin/bash
# Captures this case by hand-typed commands (root; needs go, strace). Nothing listens on
# 127.0.0.1:5353 (UDP writes still succeed); each query's socket is kept.
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
W=/tmp/acc189/w-lookupd; rm -rf "$W"; mkdir -p "$W"; rm -f "$T"
(cd "$HERE/lookupd" && go build -o "$W/lookupd" .)
cd "$W"; prlimit --nofile=1024:1024 ./lookupd 2>>lookupd.log & PID=$!
sleep 3
say '```'
run "ls /proc/$PID/fd | wc -l"
run "timeout -s INT 4 strace -c -f -p $PID"
run "ls /proc/$PID/fd | wc -l"
run "tail -4 $W/lookupd.log"
say '```'
kill $PID
