#!/bin/bash
# Reproduces this case: builds udp-prober, starts the UDP responder (Node) and the prober
# hand: ss -uanp, /proc/net/sockstat, the limits, ls -l /proc/PID/fd, the threads, a 2-second
# strace of the fd calls only (`strace -ff -tt -e trace=...`, one file per thread) and the
# prober's log. Stops both. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../bundle}
RUN=/tmp/cm/udp-prober
rm -rf "$RUN"; mkdir -p "$RUN" "$OUT/strace"
rustc -O -o "$RUN/prober" "$HERE/prober.rs" 2>/dev/null
cp "$HERE/responder.js" "$RUN/"
cd "$RUN"
node responder.js 18953 > responder.out 2>&1 &
RESP=$!
sleep 1
prlimit --nofile=1024:1024 ./prober 127.0.0.1:18953 "$RUN/prober.log" &
PID=$!          # prlimit execs the prober: this is its pid
sleep 40
cd "$OUT"
ss -uanp > ss-uanp.txt
cat /proc/net/sockstat > sockstat.txt
cat /proc/$PID/limits > limits.txt
ls -l /proc/$PID/fd > fd.txt
ps -L -o pid,lwp,comm -p $PID > threads.txt
timeout 2 strace -ff -tt -e trace=socket,bind,connect,sendto,close,write -o "$OUT/strace/trace" -p $PID
tail -n 40 "$RUN/prober.log" > prober.log
kill $PID $RESP
