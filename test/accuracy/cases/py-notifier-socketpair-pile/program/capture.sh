#!/bin/bash
# Reproduces this case's capture (run as root; needs go 1.19 (golang-go), util-linux, iproute2, strace).
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
# Start the program with only stdin/stdout/stderr, as an init system would.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
# Two commands typed at a root prompt, pasted as transcript.md.
W=/tmp/acc154/w/notifier
rm -rf "$W"; mkdir -p "$W"; cp "$HERE/notifier.py" "$W/"
cd "$W"
prlimit --nofile=16384:16384 python3 notifier.py </dev/null >/dev/null 2>&1 &
PID=$!
sleep 20
{
  echo '```'
  echo "root@worker-3:~# ls /proc/$PID/fd | wc -l"
  ls /proc/$PID/fd | wc -l
  echo "root@worker-3:~# ss -xp | grep pid=$PID, | head -12"
  ss -xp | grep "pid=$PID," | head -12
  echo '```'
} > "$CASE/transcript.md"
kill $PID; wait || true
echo "notifier pid $PID"
