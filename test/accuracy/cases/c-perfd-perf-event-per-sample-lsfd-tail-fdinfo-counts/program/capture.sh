#!/bin/bash
# Reproduces this case's capture (run as root; needs gcc, util-linux). The transcript is the
# commands as typed at a root prompt.
HERE=$(cd "$(dirname "$0")" && pwd); CASE=$(dirname "$HERE")
. "$HERE/common.sh"
W=/tmp/r324-work/perfd; rm -rf "$W"; mkdir -p "$W"
gcc -O1 -o "$W/perfd" "$HERE/perfd.c"
cd "$W"
prlimit --nofile=4096:4096 ./perfd "$W/perfd.log" </dev/null >/dev/null 2>&1 &
PID=$!
sleep 8
P='root@metrics-03:~#'
run() { echo "$P $1"; bash -c "$1" 2>&1; }
{
run "pidof perfd"
run "ls /proc/$PID/fd | wc -l"
sleep 10
run "ls /proc/$PID/fd | wc -l"
run "lsfd -p $PID | tail -12"
run "cat /proc/$PID/fdinfo/100"
run "grep 'open files' /proc/$PID/limits"
} > "$CASE/transcript.md.raw"
kill $PID; wait || true
{ echo '```'; cat "$CASE/transcript.md.raw"; echo '```'; } > "$CASE/transcript.md"; rm "$CASE/transcript.md.raw"
echo "perfd pid $PID"
