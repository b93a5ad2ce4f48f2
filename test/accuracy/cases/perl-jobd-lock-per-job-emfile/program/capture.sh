#!/bin/bash
# Reproduces this case's capture. Run as root from anywhere; needs perl, python3, strace, lsof, node
set -eu
# Start everything with only stdin/stdout/stderr, as an init system would: the sandbox shell this
# runs under keeps a few fds of its own open (e.g. 10, 251), which the services would inherit.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
FDLEAK=${FDLEAK:-$(cd "$CASE/../../../.." && pwd)}
W=/tmp/accn/perl-jobd
NS=accn-jobd
rm -rf "$W" "$CASE/bundle"; mkdir -p "$W"
cp "$HERE/jobd.pl" "$W/"
ip netns add $NS; ip -n $NS link set lo up
ps -eo pid,ppid,args > "$W/ps-before.txt"
cd "$W"
# the daemon, with a 512-fd limit
ip netns exec $NS prlimit --nofile=512:512 perl "$W/jobd.pl" </dev/null >/dev/null 2>&1 &
SVC=$!
sleep 12   # ~500 jobs reach the limit after ~6 s; since then every job fails with EMFILE
ip netns exec $NS node "$FDLEAK/bin/fdleak.js" collect --pid $SVC --no-host-lsof --strace-seconds 2 \
  --snapshots 3 --interval 2 --log-kb 32 --out "$CASE/bundle"
ps -eo pid,ppid,args > "$W/ps-after.txt"
kill $SVC; wait || true
ip netns del $NS
cd "$CASE/bundle"
python3 "$HERE/../../../tools/strip-sandbox.py" --keep $$ --snap "$W/ps-before.txt" --snap "$W/ps-after.txt" \
  ps-auxww.txt fd-counts.txt ss-tanp.txt netstat-antp.txt
echo "jobd pid $SVC"; head -2 "$W/jobd.log"; grep -m2 "Too many" "$W/jobd.log"
