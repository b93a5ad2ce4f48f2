#!/bin/bash
# Reproduces this case's capture (run as root; needs go 1.19 (golang-go), util-linux, iproute2, strace).
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
# Start the program with only stdin/stdout/stderr, as an init system would.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
# Two commands typed at a root prompt, pasted as transcript.md.
W=/tmp/acc154/w/quoteclient; NS=acc154-quote
rm -rf "$W"; mkdir -p "$W"
(cd "$HERE" && GOCACHE=/tmp/acc154/gocache GO111MODULE=off go build -o "$W/quoteclient" closewait.go)
cp "$HERE/quotesrv.py" "$W/"
ip netns add $NS; ip -n $NS link set lo up
cd "$W"
ip netns exec $NS python3 quotesrv.py </dev/null >/dev/null 2>&1 &
SRV=$!
sleep 1
ip netns exec $NS prlimit --nofile=4096:4096 ./quoteclient </dev/null >/dev/null 2>&1 &
PID=$!
sleep 15
{
  echo '```'
  echo "# prlimit --pid $PID --nofile"
  prlimit --pid $PID --nofile
  echo "# ip netns exec $NS ss -tanp state close-wait | head -8"
  ip netns exec $NS ss -tanp state close-wait | head -8
  echo "# ip netns exec $NS ss -tanp state close-wait | grep -c quoteclient"
  ip netns exec $NS ss -tanp state close-wait | grep -c quoteclient || true
  echo '```'
} > "$CASE/transcript.md"
kill $PID $SRV; wait || true
ip netns del $NS
echo "quoteclient pid $PID server $SRV"
