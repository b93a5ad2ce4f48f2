#!/bin/bash
# Reproduces this case's capture (run as root; needs go 1.19 (golang-go), util-linux, iproute2, strace).
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
# Start the program with only stdin/stdout/stderr, as an init system would.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/tmp/acc154/w/gateway; OUT=$CASE/bundle; NS=acc154-gw
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
(cd "$HERE" && GOCACHE=/tmp/acc154/gocache GO111MODULE=off go build -o "$W/gateway" keepalive.go && GOCACHE=/tmp/acc154/gocache GO111MODULE=off go build -o "$W/kaclients" kaclients.go)
ip netns add $NS; ip -n $NS link set lo up
cd "$W"
ip netns exec $NS prlimit --nofile=16384:16384 ./gateway </dev/null >/dev/null 2>&1 &
PID=$!
sleep 1
ip netns exec $NS prlimit --nofile=8192:8192 ./kaclients 3000 60 </dev/null >/dev/null 2>&1 &
CLI=$!
sleep 10
cd "$OUT"
ps -o pid,nlwp,rss,etime,args -p $PID > ps.txt
cat /proc/$PID/limits > proc-$PID-limits.txt
for i in 1 2 3 4 5 6 7 8; do echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)"; sleep 3; done > fd-count.log
lsfd -p $PID -o TYPE -n | sort | uniq -c | sort -nr > lsfd-types.txt
ip netns exec $NS ss -s > ss-s.txt
cp "$W/gateway.log" gateway.log
kill $CLI $PID; wait || true
ip netns del $NS
echo "gateway pid $PID clients $CLI"
