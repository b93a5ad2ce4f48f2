#!/bin/bash
# rotlogd under a 1024-fd limit; logrotate-style mv + SIGHUP four times; then lsof -p. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
W=/var/log/rotlogd; rm -rf "$W"; mkdir -p "$W"
gcc -O2 -Wall -o /tmp/w208/rotlogd "$HERE/rotlogd.c"
cd "$W"
prlimit --nofile=1024:1024 /tmp/w208/rotlogd "$W/app.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 1
rotate() { for i in 3 2 1; do [ -e app.log.$i ] && mv app.log.$i app.log.$((i+1)); done; mv app.log app.log.1; kill -HUP $PID; }
for r in 1 2 3 4; do sleep 1; rotate; done
sleep 1
{
run "ls -l $W"
run "lsof -p $PID"
} > "$HERE/screen.txt"
kill $PID; rm -rf "$W"
