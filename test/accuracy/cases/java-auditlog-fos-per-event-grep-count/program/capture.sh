#!/bin/bash
# AuditLog under a 2048-fd limit for ~15 s; jps, two counts, a grep count of lsof rows for
# audit.log, ls -l | tail -4. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"
W=/srv/auditd; rm -rf "$W"; mkdir -p "$W/classes"
javac -d "$W/classes" "$HERE/AuditLog.java"
prlimit --nofile=2048:2048 java -Xmx64m -cp "$W/classes" AuditLog "$W/audit.log" </dev/null >"$W/auditd.out" 2>&1 & PID=$!
sleep 8
{
run "jps -l"
run "ls /proc/$PID/fd | wc -l"
sleep 6; run "ls /proc/$PID/fd | wc -l"
run "lsof -p $PID | grep -c audit.log"
run "ls -l /proc/$PID/fd | tail -4"
} > "$HERE/screen.txt"
kill $PID; rm -rf "$W"
