#!/bin/bash
# Runs filed.py (healthy) with 20 busy clients; captures three fd counts 5 s apart, then
# lsof -p PID (whole), /proc/PID/limits and the log's tail.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
W=/tmp/r306-work/sftpd; rm -rf "$W"; mkdir -p "$W/export"
for i in $(seq -w 0 9); do head -c 20000 /dev/urandom > "$W/export/file$i.dat"; done
cd "$W"
prlimit --nofile=1024:4096 python3 "$HERE/filed.py" "$W/export" 14398 "$W/filed.log" </dev/null >/dev/null 2>&1 & PID=$!
sleep 1
python3 "$HERE/clients.py" 14398 25 & CL=$!
sleep 6
run() { echo "root@files1:~# $1"; bash -c "$1" 2>&1; }
mkdir -p "$HERE/../bundle"
{ for i in 1 2 3; do run "date +%T; ls /proc/$PID/fd | wc -l"; sleep 5; done; } > "$HERE/../bundle/fd-counts.txt"
run "lsof -n -P -p $PID" > "$HERE/../bundle/lsof-p.txt"
run "cat /proc/$PID/limits" > "$HERE/../bundle/limits.txt"
run "tail -3 $W/filed.log" > "$HERE/../bundle/filed-log-tail.txt"
wait $CL
kill $PID
cat "$HERE/../bundle/fd-counts.txt"; wc -l "$HERE/../bundle/lsof-p.txt"; grep -c ESTABLISHED "$HERE/../bundle/lsof-p.txt"; tail -5 "$HERE/../bundle/lsof-p.txt"
