#!/bin/bash
# Reproduces this case's capture (run as root; needs gcc, lsof, util-linux unshare). vpnd runs in
# a network namespace of its own, so its tun devices are made there.
HERE=$(cd "$(dirname "$0")" && pwd); CASE=$(dirname "$HERE")
. "$HERE/common.sh"
W=/tmp/r324-work/vpnd; rm -rf "$W"; mkdir -p "$W"
gcc -O1 -o "$W/vpnd" "$HERE/vpnd.c"
cd "$W"
prlimit --nofile=1024:4096 unshare -n ./vpnd "$W/vpnd.log" </dev/null >/dev/null 2>&1 &
PID=$!
sleep 6
P='[root@vpn-gw1 ~]#'
run() { echo "$P $1"; bash -c "$1" 2>&1; }
{
run "lsof -p $PID | wc -l"
sleep 15
run "lsof -p $PID | wc -l"
run "lsof -p $PID"
run "grep files /proc/$PID/limits"
} > "$CASE/transcript.raw"
kill $PID; wait || true
{ echo '```'; cat "$CASE/transcript.raw"; echo '```'; } > "$CASE/transcript.md"; rm "$CASE/transcript.raw"
echo "vpnd pid $PID"
