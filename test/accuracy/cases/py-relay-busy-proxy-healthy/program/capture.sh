#!/bin/sh
# Runs the relay under the load; two samples 6 s apart of ss -s, the relay's socket rows
W=/tmp/cap168; D=$(dirname "$0"); B=$D/../bundle; mkdir -p $W $B
python3 $D/relay.py > $W/relay.log 2>&1 & PID=$!
python3 $D/backend_and_load.py & LOAD=$!
sleep 6
for n in 1 2; do
  { echo '$ ss -s'; ss -s
    echo "\$ ss -tanp | grep -c pid=$PID,"; ss -tanp | grep -c "pid=$PID,"
    echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l; } > $B/sample-$n.txt
  sleep 6
done
ss -tanp | grep "pid=$PID," | head -12 > $B/ss-tanp-head.txt
cat /proc/$PID/limits > $B/limits.txt
wait $LOAD
sleep 3
cp $W/relay.log $B/relay.log
kill $PID
