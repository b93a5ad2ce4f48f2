#!/bin/bash
# superd: a shell supervisor. Holds its log on fd 3 and a lock on fd 4; restarts its worker
# (here: a short sleep) whenever it exits, closing 3 and 4 for the child. Healthy: fds stay flat.
D=/srv/acc175/superd
exec 3>>"$D/superd.log"
exec 4>"$D/superd.lock"
flock -n 4 || { echo "already running" >&3; exit 1; }
n=0
while :; do
  n=$((n+1))
  sleep 2 3>&- 4>&- &
  child=$!
  echo "$(date '+%F %T') superd[$$] started worker #$n pid $child" >&3
  wait "$child"
  echo "$(date '+%F %T') superd[$$] worker #$n exited $?" >&3
done
