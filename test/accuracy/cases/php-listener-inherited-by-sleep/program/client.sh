#!/bin/bash
# sends N hooks to hookd
for i in $(seq 1 "${2:-12}"); do
  printf 'POST /hook HTTP/1.0\r\nContent-Length: 2\r\n\r\n{}' | timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1; cat >&3; cat <&3" >/dev/null
  sleep 0.2
done
