#!/bin/bash
# one-line timed counts for ~24 s, then (when the count is near its floor) the full
# ls -l of its fds, the limit and the log.
. "$(dirname "$0")/lib.sh"; closefds
HERE=$(cd "$(dirname "$0")" && pwd); W=/tmp/acc232/w/cfgreader; rm -rf $W; mkdir -p $W; cd $W
printf 'pool.size=8\ntimeout.ms=2500\n' > settings.properties
javac -d . $HERE/CfgReader.java
prlimit --nofile=4096:4096 java -Xmx24m -Xmn6m -XX:+UseSerialGC -cp . CfgReader </dev/null >/dev/null 2>&1 & P=$!
sleep 4
{
echo '```'
printf "\$ %s\n" "while sleep 2; do echo \"\$(date +%T) \$(ls /proc/$P/fd | wc -l)\"; done"
for i in $(seq 1 12); do echo "$(date +%T) $(ls /proc/$P/fd | wc -l)"; sleep 2; done
echo '^C'
while [ "$(ls /proc/$P/fd | wc -l)" -gt 90 ]; do sleep 0.1; done
say "ls -l /proc/$P/fd"
say "grep 'open files' /proc/$P/limits"
say "tail -2 cfgreader.log"
echo '```'
} > $HERE/../transcript.md
kill $P; wait
