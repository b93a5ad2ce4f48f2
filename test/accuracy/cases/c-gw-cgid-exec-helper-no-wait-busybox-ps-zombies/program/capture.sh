#!/bin/bash
# Reproduces this case: builds and runs cgid (1024-fd limit); after 10 s (400 requests) pastes
# what an engineer types on a BusyBox system: ps rows picked by cgid's pid (itself and its
# children, by the PPID column), a count of its pipe links, its limit. Every command is a
# BusyBox applet (symlinks first in PATH). Stops it.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r317-work/cgid; rm -rf "$W"; mkdir -p "$W/bb"
for a in ps ls grep wc head cat pidof; do ln -s "$(command -v busybox)" "$W/bb/$a"; done
gcc -O2 -o "$W/cgid" "$HERE/cgid.c"
cd "$W"
prlimit --nofile=1024:1024 "$W/cgid" </dev/null >/dev/null 2>&1 10<&- 251>&- & PID=$!
sleep 10
run() { echo "root@gateway:~# $1"; PATH="$W/bb:$PATH" bash -c "$1" 2>&1; }
{
run "pidof cgid"
run "ps -o pid,ppid,stat,args | grep -w $PID | head -8"
run "ps -o pid,ppid,stat,args | grep -w $PID | grep -c Z"
run "ls -l /proc/$PID/fd | grep -c pipe"
run "ls /proc/$PID/fd | wc -l"
run "grep 'open files' /proc/$PID/limits"
} > "$W/screen.txt"
kill $PID
cat "$W/screen.txt"
