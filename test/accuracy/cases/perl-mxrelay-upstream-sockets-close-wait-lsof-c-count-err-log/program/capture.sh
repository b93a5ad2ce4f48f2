#!/bin/bash
# Runs the upstream and mxrelay (ulimit -n 512, stderr appended to /var/log/mxrelay.err, as a
# unit's StandardError=append: does); the on-call's commands name the program, never its pid.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
rm -f /var/log/mxrelay.err
perl "$HERE/smtpd.pl" </dev/null >/dev/null 2>&1 & SRV=$!
sleep 1
( ulimit -n 512; exec perl "$HERE/mxrelay.pl" </dev/null >/dev/null 2>>/var/log/mxrelay.err ) & PID=$!
sleep 24
run() { echo "##CMD $1"; bash -c "$1" 2>&1; }
{
run "tail -4 /var/log/mxrelay.err"
run "lsof -c mxrelay | grep CLOSE_WAIT | wc -l"
run "lsof -c mxrelay | wc -l"

run "lsof -c mxrelay -a -i | head -6"
run "ss -tnp state close-wait | grep -c mxrelay"

} > "$HERE/raw.txt"
kill $PID $SRV
