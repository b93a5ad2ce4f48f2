#!/bin/bash
# pollerd: polls a queue and reads its state file each round. Bug: opens the state file on a
# new fd every round ({fd} allocates one >= 10) and never closes it ({fd}>&- is missing).
STATE=/srv/acc175/pollerd/state.json
LOG=/srv/acc175/pollerd/pollerd.log
n=0
while :; do
  n=$((n+1))
  exec {fd}<>"$STATE"
  read -r -u "$fd" line || true
  echo "$(date '+%F %T') pollerd[$$] round $n state=${line:0:20}" >> "$LOG"
  sleep 0.05
done
