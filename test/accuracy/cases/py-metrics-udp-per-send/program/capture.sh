#!/bin/bash
# Runs metricsd (limit 2048) and captures by hand: an fd count, ss -uanp for its pid, the
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../bundle}
RUN=/var/tmp/acc146/metricsd
rm -rf "$RUN"; mkdir -p "$RUN" "$OUT"
cp "$HERE/metricsd.py" "$RUN/"; cd "$RUN"
prlimit --nofile=2048:2048 python3 metricsd.py < /dev/null > metricsd.out 2>&1 &
PID=$!
sleep 15
cd "$OUT"
echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)" > fd-count.txt
ss -uanp | grep -E "^State|pid=$PID," > ss-uanp.txt
FD=$(ls /proc/$PID/fd | sort -n | tail -1)
{ echo "# cat /proc/$PID/fdinfo/$FD; ls -l /proc/$PID/fd/$FD"; cat /proc/$PID/fdinfo/$FD; ls -l /proc/$PID/fd/$FD; } > fdinfo.txt
sleep 10
echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)" >> fd-count.txt
cat /proc/$PID/limits > limits.txt
tail -n 20 "$RUN/metricsd.log" > metricsd.log
kill $PID
