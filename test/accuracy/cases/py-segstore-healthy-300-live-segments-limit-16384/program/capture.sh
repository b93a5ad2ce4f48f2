#!/bin/bash
# capture.sh MODE OUTDIR LIMIT SEGMENTS KEEP
# Runs segstore in a private mount namespace whose /var/lib is a tmpfs (so its data folder is
# /var/lib/segstore/data, as a packaged store's would be), then captures it from the host the way
# an on-call engineer would: lsof -p, /proc/PID/limits, and fd counts a few seconds apart.
# close fds this shell inherited from whatever started it, so the store starts with stdio only
for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null; done
MODE=$1 OUT=$2 LIMIT=$3 SEGS=$4 KEEP=$5
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"
unshare -m --propagation private sh -c "mount -t tmpfs none /var/lib && ulimit -n $LIMIT && exec python3 $HERE/segstore.py --dir /var/lib/segstore/data --mode $MODE --segments $SEGS --keep $KEEP" > "$OUT/segstore.out" 2>&1 &
sleep 1
PID=$(pgrep -f "segstore.py --dir /var/lib/segstore/data --mode $MODE" | head -1)
echo "segstore pid $PID"
sleep $(( SEGS / 40 + 2 ))
cd "$OUT"
{ echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l; } > counts.txt
sleep 5
{ echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l; } >> counts.txt
lsof -n -P -p $PID > lsof.txt 2>/dev/null
cat /proc/$PID/limits > limits.txt
sleep 5
{ echo "\$ ls /proc/$PID/fd | wc -l"; ls /proc/$PID/fd | wc -l; } >> counts.txt
nsenter -t $PID -m cat /var/lib/segstore/data/segstore.log > segstore.log
kill $PID
echo "captured $PID into $OUT"
