#!/bin/bash
# Reproduces this case: builds and runs statusd under a 1024-fd limit and, once it fails,
# pastes what an engineer types on a BusyBox system: every command below is a BusyBox applet
# (ls, pidof, grep, wc, head, cat, tail: symlinks to busybox first in PATH). Stops it.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r317-work/statusd; rm -rf "$W"; mkdir -p "$W/bb"
for a in ls pidof grep wc head cat tail; do ln -s "$(command -v busybox)" "$W/bb/$a"; done
gcc -O2 -o "$W/statusd" "$HERE/statusd.c"
cd "$W"
prlimit --nofile=1024:1024 "$W/statusd" "$W/messages" </dev/null >/dev/null 2>&1 10<&- 251>&- & PID=$!
sleep 12
run() { echo "root@OpenWrt:~# $1"; PATH="$W/bb:$PATH" bash -c "$1" 2>&1; }
{
run "pidof statusd"
run "ls /proc/$PID/fd | wc -l"
run "ls -l /proc/$PID/fd | head -15"
run "cat /proc/$PID/limits | grep files"
run "tail -3 $W/messages"
} > "$W/screen.txt"
kill $PID
cat "$W/screen.txt"
