#!/bin/bash
# Reproduces this case's capture with hand-typed commands (run as root; needs rustc, python3,
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
W=/tmp/accn/rs-hookd
OUT=$CASE/bundle
NS=accn-hookd
rm -rf "$W" "$OUT"; mkdir -p "$W" "$OUT"
rustc -O -o "$W/hookd" "$HERE/hookd.rs"
cp "$HERE/receiver.py" "$W/"
# Start everything with only stdin/stdout/stderr, as an init system would (the sandbox shell this
# runs under keeps a few fds of its own open, which the services would inherit).
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
ip netns add $NS; ip -n $NS link set lo up
cd "$W"
ip netns exec $NS python3 "$W/receiver.py" </dev/null >/dev/null 2>&1 &
RCV=$!
sleep 1
ip netns exec $NS prlimit --nofile=1024:1024 "$W/hookd" </dev/null >/dev/null 2>&1 &
PID=$!
while [ "$(ls /proc/$PID/fd | wc -l)" -lt 880 ]; do kill -0 $PID; sleep 0.5; done
cd "$OUT"
ps -o pid,user,etime,args -C hookd > ps.txt
cat /proc/$PID/limits > limits.txt
ulimit -a > ulimit-a.txt
echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)" > fd-count.txt
ip netns exec $NS ss -s > ss-s.txt
ip netns exec $NS ss -tnp state close-wait > ss-close-wait.txt
sleep 2
echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)" >> fd-count.txt
kill $PID $RCV; wait || true
ip netns del $NS
echo "hookd pid $PID, receiver pid $RCV"
rm -rf "$W"
