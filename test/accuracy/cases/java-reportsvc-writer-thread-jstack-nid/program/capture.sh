#!/bin/bash
# Captures case java-reportsvc-writer-thread-jstack-nid: run as root; needs a JDK, strace.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r257/w4; mkdir -p $W; cd $W
javac -d $W "$HERE/ReportSvc.java"
java -Xmx64m -cp $W ReportSvc </dev/null >/dev/null 2>$W/err.log & P=$!
sleep 6
T=$W/transcript.md; open_fence
run "jstack $P | grep -E '^\"(report|http)'"
run "ls /proc/$P/fd | wc -l"
run "timeout -s INT 2 strace -f -tt -p $P -e trace=openat,close 2>&1 | grep -v -e 'attached\$' -e detached"
run "ls /proc/$P/fd | wc -l"
run "grep 'Max open files' /proc/$P/limits"
run "ls -l /proc/$P/fd | tail -4"
close_fence
kill $P
