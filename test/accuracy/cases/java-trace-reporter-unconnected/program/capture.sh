#!/bin/bash
# Reproduces this case: builds and starts billing-api with a 4096 open-files limit, lets the
# strace -f of the whole JVM, the reporter's log) and stops the JVM. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../bundle}
RUN=/tmp/cm/billing-api
mkdir -p "$RUN/classes" "$OUT"
javac -d "$RUN/classes" "$HERE/BillingApi.java"
cd "$RUN"
prlimit --nofile=4096:4096 java -cp "$RUN/classes" BillingApi "$RUN/logs" 18280 18380 > "$RUN/stdout.log" 2>&1 &
PID=$!          # prlimit execs java: this is the JVM's pid
sleep 60
cd "$OUT"
ps -T -p $PID > threads.txt
jstack $PID > jstack.out
lsof -p $PID > lsof.out
prlimit --pid $PID > prlimit.txt
timeout 3 strace -f -tt -T -y -p $PID -o strace.out
tail -n 300 "$RUN/logs/trace-reporter.log" > trace-reporter.log
kill $PID
