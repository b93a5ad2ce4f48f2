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
W=/tmp/accn/py-confwatch
NS=accn-confwatch
rm -rf "$W" "$CASE/bundle"; mkdir -p "$W"
cp "$HERE/confwatch.py" "$W/"; echo "level=info" > "$W/app.conf"
ip netns add $NS; ip -n $NS link set lo up
ps -eo pid,ppid,args > "$W/ps-before.txt"
cd "$W"
# the agent, with the 1024-fd limit of its unit
ip netns exec $NS prlimit --nofile=1024:1024 python3 "$W/confwatch.py" </dev/null >/dev/null 2>&1 &
SVC=$!
sleep 12   # 128 reloads use up max_user_instances after ~7 s; since then every reload fails with EMFILE
ip netns exec $NS node "$FDLEAK/bin/fdleak.js" collect --pid $SVC --no-host-lsof --strace-seconds 2 \
  --snapshots 3 --interval 2 --log-kb 32 --out "$CASE/bundle"
ps -eo pid,ppid,args > "$W/ps-after.txt"
kill $SVC; wait || true
ip netns del $NS
cd "$CASE/bundle"
python3 "$HERE/../../../tools/strip-sandbox.py" --keep $$ --snap "$W/ps-before.txt" --snap "$W/ps-after.txt" \
  ps-auxww.txt fd-counts.txt ss-tanp.txt netstat-antp.txt
echo "confwatch pid $SVC"; cat /proc/sys/fs/inotify/max_user_instances; head -2 "$W/confwatch.log"; grep -m2 "Too many" "$W/confwatch.log"
