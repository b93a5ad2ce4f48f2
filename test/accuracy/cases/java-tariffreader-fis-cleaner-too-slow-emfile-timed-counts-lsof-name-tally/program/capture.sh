#!/bin/bash
# Captures case java-tariffreader-fis-cleaner-sawtooth-too-slow-emfile-timed-counts: run as root; needs a JDK, lsof.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc296/h/w; mkdir -p $W; cd $W; echo 'zone,eur_kwh' > $W/tariffs.csv
javac -d $W "$HERE/TariffReader.java"
prlimit --nofile=256:256 java -XX:+UseSerialGC -Xmn8m -Xmx64m -cp $W TariffReader $W/tariffs.csv </dev/null >/dev/null 2>>$W/tariff.log & P=$!
sleep 20
T=$W/transcript.md; open_fence
run "jps -l | grep Tariff"
run "for i in 1 2 3 4 5 6 7 8 9 10; do echo \$(date +%T) \$(ls /proc/$P/fd | wc -l); sleep 1; done"
run "lsof -p $P | awk '{print \$NF}' | sort | uniq -c | sort -n | tail -3"
run "grep 'Max open files' /proc/$P/limits"
run "grep -c 'Too many open files' $W/tariff.log; tail -1 $W/tariff.log"
close_fence
kill $P
