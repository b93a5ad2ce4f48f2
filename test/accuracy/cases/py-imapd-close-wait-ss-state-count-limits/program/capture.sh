#!/bin/bash
# Runs imapd.py under a 64-fd limit, lets 90 clients log out, then captures what on-call would:
# ss state close-wait (head, and a count by pid), /proc/PID/limits, the log's tail.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/tmp/r306-work/imapd; rm -rf "$W"; mkdir -p "$W"
prlimit --nofile=64:64 python3 "$HERE/imapd.py" "$W/imapd.log" 14399 </dev/null >/dev/null 2>&1 & PID=$!
sleep 1
python3 "$HERE/client.py" 14399 90
sleep 2
run() { echo "root@mx1:~# $1"; bash -c "$1" 2>&1; }
{
echo '```'
run "ss -tanp state close-wait | head -6"
run "ss -tanp state close-wait | grep -c \"pid=$PID,\""
run "cat /proc/$PID/limits | grep -i 'open files'"
run "tail -4 $W/imapd.log"
echo '```'
} > "$HERE/../transcript.md"
kill $PID
cat "$HERE/../transcript.md"
