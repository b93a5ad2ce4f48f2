#!/bin/bash
# watchsh: a shell supervisor that restarts its worker when it dies and checks a
# heartbeat file. It opens its status log once (exec 3>>) and closes every other
# redirection it makes. Healthy; its service sets LimitNOFILE=100.
exec 3>>/srv/r310/watchsh/watchsh.log
while :; do
  sleep 30 & W=$!
  echo "$(date -u +%s) worker $W started" >&3
  for i in 1 2 3 4 5; do
    read -r hb < /srv/r310/watchsh/heartbeat || true
    sleep 1
  done
  kill $W 2>/dev/null; wait $W 2>/dev/null
done
