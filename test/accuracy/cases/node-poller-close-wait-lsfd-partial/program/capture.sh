#!/bin/sh
# A second run of feed + poller (same programs as node-poller-close-wait-netstat-anp), and
W=/tmp/cap168; D=$(dirname "$0"); mkdir -p $W
node $D/feed.cjs > $W/feed2.log 2>&1 & FEED=$!
sleep 1
node $D/poller.cjs > $W/poller2.log 2>&1 & PID=$!
sleep 11
{ echo '```'; echo "\$ prlimit --pid $PID --nofile"; prlimit --pid $PID --nofile
  echo "\$ lsfd -p $PID | tail -4"; lsfd -p $PID | tail -4
  echo "\$ lsfd -p $PID | grep -c 'TCP:'"; lsfd -p $PID | grep -c 'TCP:'
  echo "\$ ss -tnp state close-wait | head -4"; ss -tnp state close-wait | head -4; echo '```'; } > $D/../transcript.md
kill $PID $FEED
