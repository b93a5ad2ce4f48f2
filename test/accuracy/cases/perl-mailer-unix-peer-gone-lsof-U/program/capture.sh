#!/bin/bash
# Runs authd.pl and mailer.pl; on-call: lsof -U -a -p PID | head and | wc -l, ss -xp | grep mailer | head
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
# start the programs with only stdin/stdout/stderr: close this shell's stray fds (the sandbox keeps some)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/srv/acc175/mailer; rm -rf "$W" /run/acc175; mkdir -p "$W" /run/acc175
perl "$HERE/authd.pl" </dev/null >/dev/null 2>&1 & SRV=$!
sleep 1
perl "$HERE/mailer.pl" </dev/null >/dev/null 2>&1 & PID=$!
sleep 15
run() { echo "admin@mx1:~\$ sudo $1"; bash -c "$1" 2>&1; }
{
run "lsof -U -a -p $PID | head -8"
run "lsof -U -a -p $PID | wc -l"
run "ss -xp | grep mailer | head -6"
} > "$HERE/screen.txt"
kill $PID $SRV
cat "$HERE/screen.txt"
