#!/bin/bash
# Reproduces this case: builds telemd, runs it (4096-fd limit) beside a healthy watchdogd
# (same binary, idle), and pastes what an engineer types on a BusyBox system with no lsof:
# a per-process fd count loop twice, 10 s apart, the tail of telemd's ls -l, its limit.
# Every command is a BusyBox applet (symlinks first in PATH). Stops both.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r317-work/telemd; rm -rf "$W"; mkdir -p "$W/bb"
for a in ls pidof wc tail cat grep; do ln -s "$(command -v busybox)" "$W/bb/$a"; done
gcc -O2 -o "$W/telemd" "$HERE/telemd.c"; cp "$W/telemd" "$W/watchdogd"
cd "$W"
prlimit --nofile=4096:4096 "$W/watchdogd" idle </dev/null >/dev/null 2>&1 10<&- 251>&- & WD=$!
prlimit --nofile=4096:4096 "$W/telemd" </dev/null >/dev/null 2>&1 10<&- 251>&- & PID=$!
sleep 8
run() { echo "root@gateway:~# $1"; PATH="$W/bb:$PATH" bash -c "$1" 2>&1; }
LOOP='for p in $(pidof telemd watchdogd); do echo "$p $(cat /proc/$p/comm) $(ls /proc/$p/fd | wc -l)"; done'
{
run "$LOOP"
sleep 10
run "$LOOP"
run "ls -l /proc/$PID/fd | tail -5"
run "grep 'open files' /proc/$PID/limits"
} > "$W/screen.txt"
kill $PID $WD
cat "$W/screen.txt"
