#!/bin/bash
# The application writes to $D/app.log; "logrotate" every 0.3 s renames app.log to
# app.log.1 (removing the previous app.log.1, rotate 1) and the app reopens app.log.
D=$1; N=${2:-60}
mkdir -p "$D"
for ((i = 1; i <= N; i++)); do
  for ((j = 0; j < 20; j++)); do echo "$(date +%T.%N) GET /api/v1/items/$RANDOM 200" >> "$D/app.log"; done
  sleep 0.3
  rm -f "$D/app.log.1"
  mv "$D/app.log" "$D/app.log.1"
  : > "$D/app.log"
done
