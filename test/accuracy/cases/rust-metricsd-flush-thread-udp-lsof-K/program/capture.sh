#!/bin/bash
# Captures case rust-metricsd-flush-thread-udp-lsof-K: run as root; needs rustc, strace, lsof.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r257/w5; mkdir -p $W; cd $W
rustc -O -o metricsd "$HERE/metricsd.rs"
./metricsd </dev/null >/dev/null 2>&1 & P=$!
sleep 4
T=$W/transcript.md; open_fence
run "ls /proc/$P/fd | wc -l"
run "timeout -s INT 2 strace -q -f -tt -p $P -e trace=socket,openat,close"
run "lsof -K -p $P | awk 'NR==1 || \$4==\"flush\"' | head -8"
run "ls /proc/$P/fd | wc -l"
run "grep 'Max open files' /proc/$P/limits"
close_fence
kill $P
