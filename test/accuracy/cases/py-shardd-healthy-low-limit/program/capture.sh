#!/bin/bash
# Reproduces this case's capture. Run as root from anywhere; needs python3, strace, lsof, node
set -eu
# Start everything with only stdin/stdout/stderr, as an init system would: the sandbox shell this
# runs under keeps a few fds of its own open (e.g. 10, 251), which the services would inherit.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
FDLEAK=${FDLEAK:-$(cd "$CASE/../../../.." && pwd)}
W=/tmp/accn/py-shardd
NS=accn-shardd
rm -rf "$W" "$CASE/bundle"; mkdir -p "$W"
cp "$HERE/shardd.py" "$HERE/clients.py" "$W/"
mkdir -p "$W/shards"
for i in $(seq 0 169); do head -c 3072 /dev/urandom | base64 -w 63 > "$(printf '%s/shards/shard-%03d.dat' "$W" "$i")"; done
ip netns add $NS; ip -n $NS link set lo up
ps -eo pid,ppid,args > "$W/ps-before.txt"
cd "$W"
# the server, with the 256-fd limit of its unit
ip netns exec $NS prlimit --nofile=256:256 python3 "$W/shardd.py" </dev/null >/dev/null 2>&1 &
SVC=$!
sleep 1
ip netns exec $NS python3 "$W/clients.py" 60 &
GEN=$!
sleep 15
ip netns exec $NS node "$FDLEAK/bin/fdleak.js" collect --pid $SVC --no-host-lsof --strace-seconds 2 \
  --snapshots 4 --interval 2 --log-kb 8 --out "$CASE/bundle"
ps -eo pid,ppid,args > "$W/ps-after.txt"
kill $GEN $SVC; wait || true
ip netns del $NS
cd "$CASE/bundle"
python3 "$HERE/../../../tools/strip-sandbox.py" --keep $$ --snap "$W/ps-before.txt" --snap "$W/ps-after.txt" \
  ps-auxww.txt fd-counts.txt ss-tanp.txt netstat-antp.txt
echo "shardd pid $SVC, clients pid $GEN"; rm -rf "$W"
