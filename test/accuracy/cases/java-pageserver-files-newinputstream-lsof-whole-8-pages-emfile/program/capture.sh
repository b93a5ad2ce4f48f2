#!/bin/bash
# Captures case java-pageserver-files-newinputstream-lsof-whole-emfile: run as root; needs a JDK, curl, lsof.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc296/e/w; mkdir -p $W/pages; cd $W
for i in 1 2 3 4 5 6 7 8; do echo "<h1>page $i</h1>" > $W/pages/p$i.html; done
javac -d $W "$HERE/PageServer.java"
prlimit --nofile=256:256 java -Xmx64m -cp $W PageServer $W/pages 18298 </dev/null >/dev/null 2>>$W/pageserver.log & P=$!
sleep 4
for r in $(seq 1 40); do for i in 1 2 3 4 5 6 7 8; do curl -s -o /dev/null http://127.0.0.1:18298/p$i.html; done; done
T=$W/transcript.md; open_fence
run "jps -l"
run "lsof -p $P"
run "cat /proc/$P/limits"
run "grep -c 'Too many open files' $W/pageserver.log; tail -2 $W/pageserver.log"
close_fence
kill $P
