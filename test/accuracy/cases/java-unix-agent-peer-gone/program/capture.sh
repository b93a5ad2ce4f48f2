#!/bin/bash
# Reproduces this case: starts the metrics agent (Node, unix socket) and orders-svc (Java,
# with `fdleak collect` (3-second strace, no whole-host lsof) and stops both. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
FDLEAK=${FDLEAK:-$HERE/../../../../../bin/fdleak.js}
OUT=${1:-$HERE/../bundle}
RUN=/tmp/cm/orders-svc
rm -rf "$RUN"
mkdir -p "$RUN/classes" "$RUN/run"
cp "$HERE/agent.js" "$RUN/"
javac -d "$RUN/classes" "$HERE/OrdersService.java"
cd "$RUN"
node agent.js "$RUN/run/agent.sock" > "$RUN/agent.out" 2>&1 &
AGENT=$!
sleep 1
prlimit --nofile=1024:1024 java -cp "$RUN/classes" OrdersService "$RUN/logs/orders.log" "$RUN/run/agent.sock" > "$RUN/stdout.log" 2>&1 &
PID=$!          # prlimit execs java: this is the JVM's pid
sleep 75
rm -rf "$OUT"
node "$FDLEAK" collect --pid $PID --no-host-lsof --strace-seconds 3 --out "$OUT"
# by hand, right after: the unix sockets with their peers (ss -x: peer "* 0" = the peer is gone)
ss -xp | grep -e '^Netid' -e "pid=$PID," | head -40 > "$OUT/ss-xp-grep-pid.txt"
kill $PID $AGENT
# the sandbox's own supervisor rows (line_io_tools/binary_backend) are removed from ps auxww
sed -i '/line_io_tools\/binary_backend/d' "$OUT/ps-auxww.txt"
