#!/bin/bash
# Runs spoold (limit 4096) on /var/spool/acc146/orders, and after ~30 s captures by hand:
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../bundle}
RUN=/var/tmp/acc146/spoold
rm -rf "$RUN" /var/spool/acc146; mkdir -p "$RUN" "$OUT"
javac -d "$RUN" "$HERE/Spoold.java"
cd "$RUN"
prlimit --nofile=4096:4096 java -Xmx64m -cp "$RUN" Spoold /var/spool/acc146/orders > stdout.txt 2>&1 &
PID=$!
sleep 30
ls -l /proc/$PID/fd > "$OUT/ls-l-proc-$PID-fd.txt"
cat /proc/$PID/limits > "$OUT/proc-$PID-limits.txt"
tail -n 30 spoold.log > "$OUT/spoold.log"
kill $PID
