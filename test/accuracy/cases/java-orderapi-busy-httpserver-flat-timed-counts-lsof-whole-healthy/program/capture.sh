#!/bin/bash
# Captures case java-orderapi-busy-httpserver-flat-counts-lsof-whole-healthy: run as root; needs a JDK, curl, lsof.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc296/f/w; mkdir -p $W; cd $W; echo 'sku,price' > $W/prices.csv
javac -d $W "$HERE/OrderApi.java"
prlimit --nofile=256:256 java -Xmx64m -cp $W OrderApi $W/prices.csv 18299 </dev/null >/dev/null 2>>$W/orderapi.log & P=$!
sleep 4
# four clients hammer the API throughout the capture
for c in 1 2 3 4; do ( for r in $(seq 1 2000); do curl -s -o /dev/null http://127.0.0.1:18299/order; done ) & done
sleep 5
T=$W/transcript.md; open_fence
run "jps -l"
run "jstack $P | grep -c '^\"order-http'"
run "date +%T; ls /proc/$P/fd | wc -l"
run "sleep 10; date +%T; ls /proc/$P/fd | wc -l"
run "sleep 10; date +%T; ls /proc/$P/fd | wc -l"
run "lsof -p $P"
run "grep 'Max open files' /proc/$P/limits"
run "cat $W/orderapi.log"
close_fence
kill $P; kill $(jobs -p) 2>/dev/null
