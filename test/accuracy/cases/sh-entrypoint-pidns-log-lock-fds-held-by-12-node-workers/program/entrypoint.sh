#!/bin/bash
# Container entrypoint: keeps its own log and a lock on the data dir open for its whole life,
# then starts one Node worker per slot and waits. The fds are never marked close-on-exec
# (bash's `exec N>` never does), so every worker starts holding them.
D=/tmp/r302-work/sh4
exec 3>>"$D/entrypoint.log"        # entrypoint's own log
exec 4<>"$D/data.lock"             # lock held while the container runs
flock -n 4 || { echo "data dir busy" >&3; exit 1; }
echo "$(date -u +%FT%TZ) entrypoint: starting ${WORKERS:-12} workers" >&3
for i in $(seq 1 "${WORKERS:-12}"); do
  node "$D/worker.js" "$i" &
done
wait
