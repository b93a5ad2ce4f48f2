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
W=/tmp/accn/py-quoter
NS=accn-quoter
rm -rf "$W" "$CASE/bundle"; mkdir -p "$W"
cp "$HERE/quoter.py" "$HERE/client.py" "$W/"
ip netns add $NS; ip -n $NS link set lo up
ps -eo pid,ppid,args > "$W/ps-before.txt"
cd "$W"
# the service, with a 512-fd limit (LimitNOFILE=512 in its unit), and its load
ip netns exec $NS prlimit --nofile=512:512 python3 "$W/quoter.py" </dev/null >/dev/null 2>&1 &
SVC=$!
sleep 1
ip netns exec $NS python3 "$W/client.py" </dev/null >/dev/null 2>&1 &
CLI=$!
sleep 16   # 3 fds a request, ~15 requests a second: the 512 fds are full after ~11 s
ip netns exec $NS node "$FDLEAK/bin/fdleak.js" collect --pid $SVC --no-host-lsof --strace-seconds 1 \
  --snapshots 2 --interval 1 --log-kb 16 --out "$CASE/bundle"
ps -eo pid,ppid,args > "$W/ps-after.txt"
ps -T -p $SVC > "$W/threads.txt" || true
kill $SVC $CLI; wait || true
ip netns del $NS
cd "$CASE/bundle"
python3 "$HERE/../../../tools/strip-sandbox.py" --keep $$ --snap "$W/ps-before.txt" --snap "$W/ps-after.txt" \
  ps-auxww.txt fd-counts.txt ss-tanp.txt netstat-antp.txt
echo "quoter pid $SVC, client pid $CLI"
cat "$W/threads.txt"
grep -m3 'listening\|stats' "$W/quoter.log"
