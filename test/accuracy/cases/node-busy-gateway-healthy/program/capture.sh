#!/bin/bash
# Reproduces this case: starts presence-gateway (4096 open-files limit) and a bounded load
# busy: fd-count samples, ss -s, ss -tanp, lsof -p, the limits, a 1-second strace -f and the
# gateway's log. Stops both. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../bundle}
RUN=/tmp/cm/presence-gateway
rm -rf "$RUN"; mkdir -p "$RUN/logs" "$OUT"
cp "$HERE/gateway.js" "$HERE/loadgen.js" "$RUN/"
cd "$RUN"
prlimit --nofile=4096:4096 node gateway.js 18680 >> "$RUN/logs/gateway.log" 2>&1 &
PID=$!          # prlimit execs node: this is the gateway's pid
sleep 1
node loadgen.js 18680 300 90 > /dev/null 2>&1 &
LOADGEN=$!
sleep 20
cd "$OUT"
sample() { echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)" >> fd_samples.out; }
sample
ss -s > ss_s.out
ss -tanp > ss_tanp.out
sample
lsof -p $PID > lsof_gw.out
cat /proc/$PID/limits > limits_gw.out
sample
timeout 1 strace -f -tt -T -y -p $PID -o strace_gw.out
sample
sleep 5; sample
tail -n 50 "$RUN/logs/gateway.log" > gateway.log
kill $LOADGEN $PID
# the sandbox's own control listener (process_api, pid 1, port 2024; ss shows no process for it)
# is removed from ss -tanp
sed -i '/^LISTEN .* 0\.0\.0\.0:2024 /d' ss_tanp.out
