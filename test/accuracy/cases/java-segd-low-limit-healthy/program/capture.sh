#!/bin/bash
# Runs segd under a 512 open-files limit with 340 segments, then captures by hand: three fd
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../bundle}
RUN=/var/tmp/acc146/segd
rm -rf "$RUN"; mkdir -p "$RUN" "$OUT"
javac -d "$RUN" "$HERE/Segd.java"
cd "$RUN"
prlimit --nofile=512:512 java -Xmx64m -cp "$RUN" Segd "$RUN/data" 340 < /dev/null > segd.out 2>&1 &
PID=$!
sleep 10
cd "$OUT"
echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)" > fd-count.txt
prlimit --pid $PID --nofile > prlimit.txt
lsfd -p $PID > lsfd-p-$PID.txt
sleep 10
echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)" >> fd-count.txt
sleep 10
echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)" >> fd-count.txt
tail -n 10 "$RUN/segd.log" > segd.log
kill $PID
