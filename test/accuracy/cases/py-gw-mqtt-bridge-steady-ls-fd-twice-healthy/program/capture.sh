#!/bin/bash
# Reproduces this case: runs bridge.py (1024-fd limit), has a client publish 200 readings
# over TCP meanwhile, and pastes the engineer's two whole fd listings 5 s apart. Stops it.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/r317-work/bridge; rm -rf "$W"; mkdir -p "$W"
printf 'sensors/temp\nsensors/hum\nrelay/1\n' > "$W/topics.conf"
prlimit --nofile=1024:1024 python3 "$HERE/bridge.py" "$W/bridge.log" "$W/topics.conf" 18831 </dev/null >/dev/null 2>&1 10<&- 251>&- & PID=$!
sleep 1
python3 - <<'PY' &
import socket, time
for i in range(200):
    s = socket.create_connection(("127.0.0.1", 18831)); s.sendall(b"sensors/temp 21.4"); s.close(); time.sleep(0.03)
PY
CL=$!
sleep 2
run() { echo "root@gateway:~# $1"; bash -c "$1" 2>&1; }
{
run "ls -l /proc/$PID/fd"
sleep 5
run "ls -l /proc/$PID/fd"
run "grep 'open files' /proc/$PID/limits"
run "tail -2 $W/bridge.log"
} > "$W/screen.txt"
wait $CL
kill $PID
cat "$W/screen.txt"
