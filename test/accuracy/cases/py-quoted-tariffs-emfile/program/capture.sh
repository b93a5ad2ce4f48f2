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
W=/tmp/accn/py-quoted
NS=accn-quoted
rm -rf "$W" "$CASE/bundle"; mkdir -p "$W"
cp "$HERE/quoted.py" "$HERE/loadgen.py" "$W/"
python3 -c "
import random
random.seed(7)
print('symbol,price,updated')
for s in ['EURUSD','GBPUSD','USDJPY','AUDUSD','USDCHF']+['X%04d'%i for i in range(400)]:
    print('%s,%.4f,2026-12-01' % (s, random.uniform(0.5, 150)))" > "$W/tariffs.csv"
ip netns add $NS; ip -n $NS link set lo up
ps -eo pid,ppid,args > "$W/ps-before.txt"
# the service, with the 1024-fd limit of its unit
cd "$W"   # the unit's WorkingDirectory
ip netns exec $NS prlimit --nofile=1024:1024 python3 "$W/quoted.py" &
SVC=$!
sleep 1
ip netns exec $NS python3 "$W/loadgen.py" 100 40 &
GEN=$!
sleep 14   # ~1000 requests: the limit is reached after ~10 s, errors from then on
ip netns exec $NS node "$FDLEAK/bin/fdleak.js" collect --pid $SVC --no-host-lsof --strace-seconds 2 \
  --snapshots 2 --interval 1 --log-kb 32 --out "$CASE/bundle"
ps -eo pid,ppid,args > "$W/ps-after.txt"
kill $GEN $SVC; wait || true
ip netns del $NS
cd "$CASE/bundle"
python3 "$HERE/../../../tools/strip-sandbox.py" --keep $$ --snap "$W/ps-before.txt" --snap "$W/ps-after.txt" \
  ps-auxww.txt fd-counts.txt ss-tanp.txt netstat-antp.txt
echo "service pid $SVC"
