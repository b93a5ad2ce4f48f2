#!/bin/bash
# Reproduces this case: starts report-scheduler (4096 open-files limit), lets it run 30 s, then
# lsof) and stops it. Run as root.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
FDLEAK=${FDLEAK:-$HERE/../../../../../bin/fdleak.js}
OUT=${1:-$HERE/../bundle}
RUN=/tmp/cm/report-scheduler
rm -rf "$RUN"; mkdir -p "$RUN/classes"
javac -d "$RUN/classes" "$HERE/ReportScheduler.java"
cd "$RUN"
prlimit --nofile=4096:4096 java -cp "$RUN/classes" ReportScheduler "$RUN/logs/scheduler.log" 18580 > "$RUN/stdout.log" 2>&1 &
PID=$!          # prlimit execs java: this is the JVM's pid
sleep 30
rm -rf "$OUT"
node "$FDLEAK" collect --pid $PID --no-host-lsof --strace-seconds 3 --snapshots 3 --interval 3 --out "$OUT"
kill $PID
# the sandbox's own supervisor rows (line_io_tools/binary_backend) are removed from ps auxww
sed -i '/line_io_tools\/binary_backend/d' "$OUT/ps-auxww.txt"
