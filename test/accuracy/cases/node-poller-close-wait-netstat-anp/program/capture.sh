#!/bin/sh
# Runs feed and poller; captures netstat -anp (the feed's port), the poller's fd table and
W=/tmp/cap168; D=$(dirname "$0"); B=$D/../bundle; P=$D/../../node-poller-close-wait-lsfd-partial
mkdir -p $W $B
node $D/feed.cjs > $W/feed.log 2>&1 & FEED=$!
sleep 1
node $D/poller.cjs > $W/poller.log 2>&1 & PID=$!
sleep 11
{ echo "\$ netstat -anp | grep 7311"; netstat -anp 2>/dev/null | grep 7311; } > $B/netstat-anp.txt
ls -l /proc/$PID/fd > $B/ls-l-fd.txt
cat /proc/$PID/limits > $B/limits.txt
cp $W/poller.log $B/poller.log
{ echo '```'; echo "\$ prlimit --pid $PID --nofile"; prlimit --pid $PID --nofile
  echo "\$ lsfd -p $PID | head -20"; lsfd -p $PID | head -20
  echo "\$ lsfd -p $PID | grep -c close-wait"; lsfd -p $PID | grep -c close-wait; echo '```'; } > $P/transcript.md
kill $PID $FEED
