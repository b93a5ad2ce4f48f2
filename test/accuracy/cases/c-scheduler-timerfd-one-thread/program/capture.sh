#!/bin/bash
# Reproduces this case's capture. Run as root from anywhere; needs gcc, python3, strace, lsof, node
set -eu
# Start everything with only stdin/stdout/stderr, as an init system would: the sandbox shell this
# runs under keeps a few fds of its own open (e.g. 10, 251), which the services would inherit.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
FDLEAK=${FDLEAK:-$(cd "$CASE/../../../.." && pwd)}
W=/tmp/accn/c-timerd
rm -rf "$W" "$CASE/bundle"; mkdir -p "$W/jobs"
gcc -O1 -Wall -pthread -o "$W/timerd" "$HERE/timerd.c"
ps -eo pid,ppid,args > "$W/ps-before.txt"
cd "$W"
# the scheduler, with the 1024-fd limit of its unit; it listens on nothing, so no namespace
prlimit --nofile=1024:1024 "$W/timerd" </dev/null >/dev/null 2>&1 &
SVC=$!
sleep 32   # 40 timerfds a second fill the 1024 fds after ~25 s; errors from then on
node "$FDLEAK/bin/fdleak.js" collect --pid $SVC --no-host-lsof --strace-seconds 2 \
  --snapshots 2 --interval 1 --log-kb 16 --out "$CASE/bundle"
ps -eo pid,ppid,args > "$W/ps-after.txt"
ps -T -p $SVC > "$W/threads.txt" || true
kill $SVC; wait || true
cd "$CASE/bundle"
python3 "$HERE/../../../tools/strip-sandbox.py" --keep $$ --snap "$W/ps-before.txt" --snap "$W/ps-after.txt" \
  ps-auxww.txt fd-counts.txt ss-tanp.txt netstat-antp.txt
echo "timerd pid $SVC"
cat "$W/threads.txt"
grep -m5 'started' "$W/timerd.log"
