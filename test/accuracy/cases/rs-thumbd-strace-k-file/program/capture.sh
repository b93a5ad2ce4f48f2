#!/bin/bash
# Captures this case by hand-typed commands (root; needs cargo, strace built with -k support).
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
W=/tmp/acc189/w-thumbd; rm -rf "$W"; mkdir -p "$W/images"; rm -f "$T"
(cd "$HERE/thumbd" && cargo build -q --release --target-dir "$W/target")
for i in $(seq 0 39); do head -c 64 /dev/urandom > "$(printf '%s/images/img-%04d.raw' "$W" "$i")"; done
cd "$W"; prlimit --nofile=512:512 "$W/target/release/thumbd" "$W/images" 2>>thumbd.err & PID=$!
sleep 2
say '```'
run "tail -3 $W/thumbd.err"
run "ls /proc/$PID/fd | wc -l"
run "timeout -s INT 3 strace -k -e trace=openat,close -p $PID 2>&1 | head -40"
run "ls /proc/$PID/fd | wc -l"
say '```'
kill $PID
