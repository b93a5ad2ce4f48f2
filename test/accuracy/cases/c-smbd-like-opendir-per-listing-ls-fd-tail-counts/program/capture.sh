#!/bin/bash
# Builds and runs shared.c under a 512-fd limit over 40 user folders, then captures what
# on-call would: three fd counts 2 s apart, the tail of ls -l /proc/PID/fd, limits, log tail.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/tmp/r306-work/shared; rm -rf "$W"; mkdir -p "$W/share/users"
for i in $(seq -w 0 39); do mkdir -p "$W/share/users/u$i/Desktop" "$W/share/users/u$i/Documents"; done
gcc -O1 -o "$W/shared" "$HERE/shared.c"
cd "$W"
prlimit --nofile=512:512 "$W/shared" "$W/share" "$W/shared.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 1
run() { echo "root@nas1:~# $1"; bash -c "$1" 2>&1; }
{
for i in 1 2 3; do run "ls /proc/$PID/fd | wc -l"; sleep 2; done
run "ls -l /proc/$PID/fd | tail -5"
run "grep 'open files' /proc/$PID/limits"
run "tail -3 $W/shared.log"
} > "$HERE/../transcript.md.raw"
kill $PID
{ echo '```'; cat "$HERE/../transcript.md.raw"; echo '```'; } > "$HERE/../transcript.md"; rm "$HERE/../transcript.md.raw"
cat "$HERE/../transcript.md"
