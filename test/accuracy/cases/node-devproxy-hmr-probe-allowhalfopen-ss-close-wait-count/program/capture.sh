#!/bin/bash
# Starts the compiler stub and the proxy, then captures like on-call would (ss, limits).
cd "$(dirname "$0")"
PORT=47312
node upstream.js $PORT </dev/null >/dev/null 2>&1 10<&- 251>&- & UP=$!
sleep 0.5
prlimit --nofile=1024:1024 node devproxy.js $PORT </dev/null > devproxy.log 2>&1 10<&- 251>&- & PID=$!
sleep 8
run() { echo "ops@devbox:~\$ $1"; bash -c "$1" 2>&1; }
{
run "ss -tnp state close-wait | head -5"
run "ss -tnp state close-wait | grep -c pid=$PID"
run "cat /proc/$PID/limits | grep files"
run "ls /proc/$PID/fd | wc -l"
} > screen.txt
kill $PID $UP
