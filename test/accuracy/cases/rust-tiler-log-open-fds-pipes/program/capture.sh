#!/bin/bash
# tiler (Rust) keeps every converter's Child, and its two pipes, after the converter exits.
# Captured by hand: the tail of its log (open_fds=N every 2 s), its fd folder's tail, its limit.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
# Start the service with only stdin/stdout/stderr, as an init system would.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
# p CMD: one prompt and its output, as a terminal shows it.
p() { echo "\$ $1"; bash -c "$1" 2>&1; }
fence() { echo "\`\`\`"; }
W=/tmp/acc193/tiler; rm -rf $W; mkdir -p $W; cd $W
(cd "$HERE" && rustc -O --edition 2021 -o $W/tiler tiler.rs)
./tiler </dev/null >tiler.log 2>&1 &
PID=$!
sleep 45
{
fence; p 'tail -n 12 /tmp/acc193/tiler/tiler.log'; fence
fence; p 'pgrep tiler'; p "ls -l /proc/$PID/fd | tail"; p "grep 'open files' /proc/$PID/limits"; fence
} > "$CASE/transcript.md"
kill $PID; wait
echo "tiler pid $PID"
