#!/bin/bash
# Runs chatd (limit 4096) with 240 long-lived clients, then captures by hand while it is busy:
# the first, and its log. Stops both.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../bundle}
RUN=/var/tmp/acc146/chatd
rm -rf "$RUN"; mkdir -p "$RUN" "$OUT"
cp "$HERE/chatd.rb" "$HERE/clients.py" "$RUN/"; cd "$RUN"
prlimit --nofile=4096:4096 ruby chatd.rb 19346 < /dev/null > chatd.out 2>&1 &
PID=$!
sleep 2
python3 clients.py 19346 240 90 < /dev/null > clients.out 2>&1 &
CL=$!
sleep 15
cd "$OUT"
echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)" > fd-count.txt
ss -tanp 'sport = :19346' > ss-tanp-sport-19346.txt
lsof -p $PID > lsof-p-$PID.txt
cat /proc/$PID/limits > proc-$PID-limits.txt
sleep 20
echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)" >> fd-count.txt
tail -n 12 "$RUN/chatd.log" > chatd.log
kill $CL $PID
