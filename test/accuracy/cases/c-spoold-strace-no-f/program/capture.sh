#!/bin/bash
# Reproduces this case's capture, by hand-typed commands (run as root; needs gcc, strace).
set -eu
# Start everything with only stdin/stdout/stderr, as an init system would: the sandbox shell this
# runs under keeps a few fds of its own open (e.g. 10, 251), which the services would inherit.
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
HERE=$(cd "$(dirname "$0")" && pwd)
CASE=$(dirname "$HERE")
W=/tmp/accn/c-spool
OUT=$CASE/bundle
rm -rf "$W" "$OUT"; mkdir -p "$W/spool" "$OUT"
gcc -O2 -Wall -o "$W/spoold" "$HERE/spoold.c"
for i in $(seq 0 49); do
  f=$(printf '%s/spool/job-%03d.dat' "$W" "$i")
  if [ $((i % 10)) -eq 3 ]; then echo "PENDING job $i" > "$f"; else echo "DONE job $i" > "$f"; fi
done
cd "$W"
prlimit --nofile=1024:1024 ./spoold 2>>"$W/spoold.err" &
PID=$!
sleep 2
cd "$OUT"
note() { echo "$(date +%T) $*" >> capture-session.log; }

note "ps -C spoold -o pid,nlwp,lstart,rss,args > ps.txt"
ps -C spoold -o pid,nlwp,lstart,rss,args > ps.txt

note "while sleep 1; do echo \"\$(date +%T) \$(ls /proc/$PID/fd | wc -l)\"; done > fd-count.txt"
( while sleep 1; do echo "$(date +%T) $(ls /proc/$PID/fd | wc -l)"; done > fd-count.txt ) &
LOOP=$!

while [ "$(ls /proc/$PID/fd | wc -l)" -lt 850 ]; do sleep 0.5; done
note "strace -p $PID -o spoold.strace"
timeout -s INT 6 strace -p $PID -o spoold.strace || true
note "^C strace (spoold.strace done)"
sleep 4
kill $LOOP
note "stopped the fd-count loop (fd-count.txt done)"
kill $PID
