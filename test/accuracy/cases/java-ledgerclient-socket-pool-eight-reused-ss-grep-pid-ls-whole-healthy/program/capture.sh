#!/bin/bash
# Captures case java-ledgerclient-socket-pool-eight-reused-ss-ls-whole-healthy: run as root; needs a JDK, python3, ss.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc296/g/w; mkdir -p $W; cd $W
javac -d $W "$HERE/LedgerClient.java"
python3 "$HERE/ledger_server.py" 18300 >/dev/null 2>&1 & S=$!
sleep 1
prlimit --nofile=256:256 java -Xmx64m -cp $W LedgerClient 18300 </dev/null >/dev/null 2>>$W/ledger.log & P=$!
sleep 8
T=$W/transcript.md; open_fence
run "jps -l | grep -v jps"
run "ss -tnp | grep pid=$P"
run "ls /proc/$P/fd | wc -l; sleep 15; ls /proc/$P/fd | wc -l"
run "ls -l /proc/$P/fd"
run "cat /proc/$P/limits | grep -i files"
run "cat $W/ledger.log"
close_fence
kill $P $S
