#!/bin/bash
# Captures case java-quotepoller-urlconnection-close-wait-ss-state-jps: run as root; needs a JDK, python3, ss.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc296/a/w; mkdir -p $W/www; cd $W; echo '{"px":101.5}' > $W/www/quote.json
javac -d $W "$HERE/QuotePoller.java"
(cd $W/www && exec python3 -m http.server 18296 --bind 127.0.0.1 >/dev/null 2>&1) & S=$!
sleep 1
prlimit --nofile=256:256 java -Xmx64m -cp $W QuotePoller http://127.0.0.1:18296/quote.json </dev/null >/dev/null 2>>$W/quotepoller.log & P=$!
sleep 25
T=$W/transcript.md; open_fence
run "jps -l"
run "ss -tnp state close-wait | head -6"
run "ss -tnp state close-wait | grep -c pid=$P"
run "grep 'Max open files' /proc/$P/limits"
run "tail -4 $W/quotepoller.log"
close_fence
kill $P $S
