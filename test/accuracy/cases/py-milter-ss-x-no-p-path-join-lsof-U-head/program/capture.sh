#!/bin/bash
# Runs milterd.py (the same toy milter as py-milter-unix-peer-gone-lsfd-ss-xp), passes 200
# messages, then captures as an on-call engineer without the habit of -p would: ss -x rows and a
# count for the socket's path (no process column), and the head of lsof -U -a -p PID.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/tmp/r306-work/milter2; rm -rf "$W"; mkdir -p "$W"
cd "$W"
python3 "$HERE/milterd.py" "$W/milterd.sock" "$W/milterd.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 1
python3 "$HERE/mta.py" "$W/milterd.sock" 200
sleep 1
run() { echo "root@mx2:~# $1"; bash -c "$1" 2>&1; }
{
echo '```'
run "ss -x | grep milterd.sock | head -4"
run "ss -x | grep -c milterd.sock"
run "lsof -U -a -p $PID | head -6"
echo '```'
} > "$HERE/../transcript.md"
kill $PID
cat "$HERE/../transcript.md"
