#!/bin/bash
# Reproduces this case's capture with hand-typed commands (run as root; needs go, python3, lsof,
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
W=/tmp/accn/go-segstore
OUT=$CASE/bundle
NS=accn-segstore
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
(cd "$HERE" && GOCACHE=/tmp/accn/gocache GO111MODULE=off go build -o "$W/segstore" segstore.go)
cp "$HERE/clients.py" "$W/"
# Start everything with only stdin/stdout/stderr, as an init system would (the sandbox shell this
# runs under keeps a few fds of its own open, which the services would inherit).
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
ip netns add $NS; ip -n $NS link set lo up
cd "$W"
ip netns exec $NS prlimit --nofile=20000:20000 "$W/segstore" </dev/null >/dev/null 2>&1 &
PID=$!
while ! grep -q 'opened 12288' "$W/segstore.log" 2>/dev/null; do kill -0 $PID; sleep 0.5; done
ip netns exec $NS python3 "$W/clients.py" 90 &
CLI=$!
sleep 8
cd "$OUT"
ps -o pid,nlwp,rss,etime,args -p $PID > ps.txt
cat /proc/$PID/limits > segstore-limits.txt
cat /proc/sys/fs/file-nr > file-nr.txt
for i in 1 2 3 4 5 6; do echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)"; sleep 3; done > fdcount.log
lsof -n -P -p $PID | awk 'NR>1 {print $5}' | sort | uniq -c | sort -nr > lsof-types.txt
lsof -n -P -p $PID | head -40 > lsof-head.txt
lsof -n -P -p $PID | grep -c 'seg-' > lsof-seg-count.txt
ip netns exec $NS ss -s > ss-s.txt
ip netns exec $NS cat /proc/net/sockstat > sockstat.txt
ip netns exec $NS ss -tn state established '( sport = :47110 )' | wc -l > ss-estab-47110-count.txt
timeout -s INT 3 strace -c -f -p $PID -o strace-c.txt || true
for i in 1 2 3; do echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)"; sleep 3; done >> fdcount.log
kill $CLI $PID; wait || true
ip netns del $NS
echo "segstore pid $PID, clients pid $CLI"
rm -rf "$W"
