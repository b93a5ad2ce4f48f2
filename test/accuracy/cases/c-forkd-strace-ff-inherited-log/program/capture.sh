#!/bin/bash
# Captures this case by hand-typed commands (root; needs gcc, strace). forkd's log fd has no
# O_CLOEXEC; each job child execs `sleep 4` and keeps it. strace -ff writes one file per task.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd); CASE=$(dirname "$HERE")
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/tmp/acc189/w-forkd; OUT=$CASE/bundle
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT/trace"
gcc -O2 -o "$W/forkd" "$HERE/forkd.c"
cd "$W"; ./forkd "$W/forkd.log" & PID=$!
sleep 1
cd "$OUT"
note() { echo "$(date +%T) $*" >> capture-session.log; }
note "ls /proc/$PID/fd | wc -l > fd-count.txt"
ls /proc/$PID/fd | wc -l > fd-count.txt
note "strace -ff -tt -o trace/trace -p $PID   (stopped with ^C after 2 s)"
timeout -s INT 2 strace -ff -tt -o trace/trace -p $PID || true
note "ls /proc/$PID/fd | wc -l >> fd-count.txt"
ls /proc/$PID/fd | wc -l >> fd-count.txt
note "tail -5 forkd.log > forkd.log.tail"
tail -5 "$W/forkd.log" > forkd.log.tail
kill $PID
sleep 4.5
