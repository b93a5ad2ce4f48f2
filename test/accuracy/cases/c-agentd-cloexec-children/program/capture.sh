#!/bin/bash
# Reproduces this case's capture with hand-typed commands (run as root; needs gcc, python3,
set -eu
# Start everything with only stdin/stdout/stderr, as an init system would: the sandbox shell this
# runs under keeps a few fds of its own open (e.g. 10, 251), which the services would inherit.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
W=/tmp/accn/c-agentd
OUT=$CASE/bundle
NS=accn-agentd
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
gcc -O2 -Wall -pthread -o "$W/agentd" "$HERE/agentd.c"
cp "$HERE/collector.py" "$W/"
ip netns add $NS; ip -n $NS link set lo up
ps -eo pid,ppid,args > "$W/ps-before.txt"
cd "$W"
ip netns exec $NS python3 "$W/collector.py" &
COL=$!
sleep 1
ip netns exec $NS prlimit --nofile=1024:1024 "$W/agentd" &
PID=$!
sleep 40            # steady state: helpers live 30 s, 5 started a second
cd "$OUT"
for i in 1 2 3 4 5; do echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)"; sleep 1; done > agentd-fdcount.txt
ls -l /proc/$PID/fd > agentd-fd.txt
timeout -s INT 2 strace -f -tt -T -y -p $PID -o agentd.strace || true
ps -ef > ps-ef.txt
for c in $(pgrep -P $PID -x sleep | sort -n | sed -n '1p;60p;120p'); do
  ls -l /proc/$c/fd > child-$c-fd.txt
done
ip netns exec $NS ss -tanp > ss-tanp.txt
ps -eo pid,ppid,args > "$W/ps-after.txt"
kill -STOP $PID; KIDS=$(pgrep -P $PID || true)
kill -9 $PID; kill $COL; kill $KIDS 2>/dev/null || true
wait || true
ip netns del $NS
python3 "$HERE/../../../tools/strip-sandbox.py" --keep $$ --snap "$W/ps-before.txt" --snap "$W/ps-after.txt" ps-ef.txt
echo "agentd pid $PID, collector pid $COL"
