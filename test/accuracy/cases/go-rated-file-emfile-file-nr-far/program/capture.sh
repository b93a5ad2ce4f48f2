#!/bin/sh
# Builds and runs rated under a 512-fd limit (soft and hard: Go raises its soft limit to the
W=/tmp/cap168; D=$(dirname "$0"); B=$D/../bundle; mkdir -p $W/rated $B
(cd $D && GOCACHE=$W/gocache go build -o $W/rated/rated rated.go)
prlimit --nofile=512:512 $W/rated/rated > $W/rated/rated.log 2>&1 & PID=$!
sleep 4
{ echo '$ cat /proc/sys/fs/file-nr'; cat /proc/sys/fs/file-nr
  echo '$ cat /proc/sys/fs/file-max'; cat /proc/sys/fs/file-max; } > $B/file-nr.txt
prlimit --pid $PID > $B/prlimit.txt
{ echo "\$ lsfd -p $PID | tail -25"; lsfd -p $PID | tail -25; } > $B/lsfd-tail.txt
cp $W/rated/rated.log $B/rated.log
kill $PID
