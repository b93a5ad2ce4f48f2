#!/bin/sh
# Run here on 2026-12-07 (relayd pid 16426, helpers 16430-16432).
set -e
mkdir -p /tmp/acc170/relayd && gcc -O1 -o cloexec cloexec.c
./cloexec & PID=$!
sleep 40; mkdir -p bundle
ps -ef --forest | grep -E "^UID|cloexec|sleep 3600" | grep -v grep > bundle/ps-ef-forest.txt
set -- $(pgrep -P $PID)
ls -l /proc/$1/fd > bundle/child-$1-fd.txt; ls -l /proc/$3/fd > bundle/child-$3-fd.txt
ls -l /proc/$PID/fd > bundle/relayd-fd.txt
ss -tlnp > bundle/ss-tlnp.txt
cp /tmp/acc170/relayd/relayd.log bundle/relayd.log
kill $PID "$@"
