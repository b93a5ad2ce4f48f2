#!/bin/bash
# Captures this case by hand-typed commands (root; needs gcc, python3, strace). Busy, healthy.
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
W=/tmp/acc189/w-acceptd-c; rm -rf "$W"; mkdir -p "$W"; rm -f "$T"
gcc -O2 -g -o "$W/acceptd" "$HERE/acceptd.c"
cd "$W"; prlimit --nofile=1024:1024 ./acceptd 7301 >acceptd.out 2>acceptd.err & PID=$!
sleep 0.5
python3 "$HERE/loadgen.py" 7301 900 3 & LG=$!
sleep 1
say '```'
run "ls /proc/$PID/fd | wc -l"
run "timeout -s INT 5 strace -c -f -p $PID"
run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd"
say '```'
wait $LG || true; kill $PID
