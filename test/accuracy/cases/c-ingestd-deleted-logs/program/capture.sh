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
W=/tmp/accn/c-ingestd
NS=accn-ingestd
rm -rf "$W" "$CASE/bundle"; mkdir -p "$W"
gcc -O2 -Wall -o "$W/ingestd" "$HERE/ingestd.c"
ip netns add $NS; ip -n $NS link set lo up
ps -eo pid,ppid,args > "$W/ps-before.txt"
cd "$W"
# the ingester, with the 1024-fd limit of its unit
ip netns exec $NS prlimit --nofile=1024:1024 "$W/ingestd" </dev/null >/dev/null 2>&1 &
SVC=$!
sleep 35   # ~350 rotations, all but the last 3 logs deleted while still open
ip netns exec $NS node "$FDLEAK/bin/fdleak.js" collect --pid $SVC --no-host-lsof --strace-seconds 2 \
  --snapshots 2 --interval 1 --log-kb 8 --out "$CASE/bundle"
ps -eo pid,ppid,args > "$W/ps-after.txt"
kill $SVC; wait || true
ip netns del $NS
cd "$CASE/bundle"
python3 "$HERE/../../../tools/strip-sandbox.py" --keep $$ --snap "$W/ps-before.txt" --snap "$W/ps-after.txt" \
  ps-auxww.txt fd-counts.txt ss-tanp.txt netstat-antp.txt
echo "ingestd pid $SVC"; rm -rf "$W"
