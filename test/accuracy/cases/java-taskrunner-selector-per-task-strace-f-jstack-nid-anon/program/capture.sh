#!/bin/bash
# Captures case java-taskrunner-selector-per-task-strace-f-jstack-nid-grep: run as root; needs a JDK, strace.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc296/c/w; mkdir -p $W; cd $W
javac -d $W "$HERE/TaskRunner.java"
java -Xmx64m -cp $W TaskRunner </dev/null >/dev/null 2>$W/err.log & P=$!
sleep 12
T=$W/transcript.md; open_fence
run "jps"
run "jstack $P | grep '^\"task-'"
run "ls /proc/$P/fd | wc -l"
run "timeout -s INT 2 strace -f -p $P -e trace=epoll_create,epoll_create1,eventfd2,pipe2,close 2>&1 | grep -v -e 'attached\$' -e 'detached\$' -e 'resumed>' | head -20"
run "ls /proc/$P/fd | wc -l"
run "ls -l /proc/$P/fd | tail -6"
close_fence
kill $P
