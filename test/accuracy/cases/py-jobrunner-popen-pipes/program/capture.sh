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
W=/tmp/accn/py-jobrunner
NS=accn-jobrunner
rm -rf "$W" "$CASE/bundle"; mkdir -p "$W"
cp "$HERE/jobrunner.py" "$W/"
ip netns add $NS; ip -n $NS link set lo up
ps -eo pid,ppid,args > "$W/ps-before.txt"
# the runner, with the 1024-fd limit of its unit
cd "$W"   # the unit's WorkingDirectory
ip netns exec $NS prlimit --nofile=1024:1024 python3 "$W/jobrunner.py" &
SVC=$!
sleep 20   # ~510 tasks fill the 1024 fds after ~12 s; errors from then on
ip netns exec $NS node "$FDLEAK/bin/fdleak.js" collect --pid $SVC --no-host-lsof --strace-seconds 2 \
  --snapshots 2 --interval 1 --log-kb 32 --out "$CASE/bundle"
ps -eo pid,ppid,args > "$W/ps-after.txt"
kill $SVC; wait || true
ip netns del $NS
cd "$CASE/bundle"
python3 "$HERE/../../../tools/strip-sandbox.py" --keep $$ --snap "$W/ps-before.txt" --snap "$W/ps-after.txt" \
  ps-auxww.txt fd-counts.txt ss-tanp.txt netstat-antp.txt
echo "service pid $SVC"
