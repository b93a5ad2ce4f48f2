#!/bin/bash
# Builds and runs hookd, lets it start ~12 hooks, then captures by hand: ps -ef --forest,
# and the journal. Stops hookd and every hook it started (by their pids).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../bundle}
RUN=/var/tmp/acc146/hookd
rm -rf "$RUN"; mkdir -p "$RUN/spool" "$OUT"
gcc -O2 -o "$RUN/hookd" "$HERE/hookd.c"
cp "$HERE/hook.sh" "$RUN/"; chmod +x "$RUN/hook.sh"
cd "$RUN"
./hookd ./hook.sh 19246 < /dev/null > hookd.out 2>&1 10<&- 251>&- &
PID=$!
sleep 12
ps -ef --forest | awk -v p=$PID 'NR==1 || $2==p || $3==p' > "$OUT/ps-ef-forest.txt"
ls -l /proc/$PID/fd > "$OUT/ls-l-proc-$PID-fd.txt"
KIDS=$(pgrep -P $PID | head -2)
for K in $KIDS; do ls -l /proc/$K/fd > "$OUT/ls-l-proc-$K-fd.txt"; done
ss -tlnp 'sport = :19246' > "$OUT/ss-tlnp-19246.txt"
cp hookd.journal "$OUT/hookd.journal"
kill -STOP $PID   # so that it starts no more hooks while they are listed
ALL=$(pgrep -P $PID)
GRAND=$(for K in $ALL; do pgrep -P $K; done)
kill $GRAND $ALL; kill -KILL $PID
