#!/bin/bash
# Captures this case by hand-typed commands (root; needs python3, strace). Healthy: opens = closes.
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
W=/tmp/acc189/w-confserve; rm -rf "$W"; mkdir -p "$W/conf"; rm -f "$T"
for f in app.ini routes.ini limits.ini; do printf '[main]\nkey = value\n' > "$W/conf/$f"; done
cd "$W"; CONF_DIR=$W/conf prlimit --nofile=1024:4096 python3 "$HERE/confserve.py" & PID=$!
sleep 1
say '```'
run "cat /proc/$PID/limits"
run "ls /proc/$PID/fd | wc -l"
run "timeout -s INT 2 strace -T -r -p $PID 2>&1 | head -30"
run "ls /proc/$PID/fd | wc -l"
say '```'
kill $PID
