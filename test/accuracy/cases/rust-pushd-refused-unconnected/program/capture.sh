#!/bin/bash
# Builds pushd (std only), runs it under a 1024 open-files limit against a port nobody listens
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${1:-$HERE/../bundle}
RUN=/var/tmp/acc146/pushd
rm -rf "$RUN"; mkdir -p "$RUN" "$OUT"
rustc -O -o "$RUN/pushd" "$HERE/pushd.rs"
cd "$RUN"
prlimit --nofile=1024:1024 ./pushd 19146 &
PID=$!
sleep 25
lsof -p $PID > "$OUT/lsof-p-$PID.txt"
prlimit --pid $PID > "$OUT/prlimit.txt"
tail -n 40 pushd.log > "$OUT/pushd.log"
kill $PID
