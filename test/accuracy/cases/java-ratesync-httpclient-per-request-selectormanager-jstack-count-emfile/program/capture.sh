#!/bin/bash
# Captures case java-ratesync-httpclient-per-request-selectormanager-threads-emfile: run as root; needs a JDK, python3.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc296/d/w; mkdir -p $W/www; cd $W; echo '{"eur":1.08}' > $W/www/rates.json
javac -d $W "$HERE/RateSync.java"
(cd $W/www && exec python3 -m http.server 18297 --bind 127.0.0.1 >/dev/null 2>&1) & S=$!
sleep 1
prlimit --nofile=256:256 java -Xmx256m -cp $W RateSync http://127.0.0.1:18297/rates.json </dev/null >/dev/null 2>>$W/ratesync.log & P=$!
sleep 6
T=$W/transcript.md; open_fence
run "jps -l | grep RateSync"
run "jstack $P | grep -c SelectorManager"
run "ls /proc/$P/fd | wc -l"
run "sleep 30; ls /proc/$P/fd | wc -l"
run "ls -l /proc/$P/fd | tail -6"
run "grep 'Max open files' /proc/$P/limits"
run "grep -m1 -A4 ERROR $W/ratesync.log"
close_fence
kill $P $S
