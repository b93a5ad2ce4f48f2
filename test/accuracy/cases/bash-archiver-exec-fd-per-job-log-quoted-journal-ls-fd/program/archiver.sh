#!/bin/bash
# archiver: appends each job's output to its own log through a numbered fd
# (`exec {fd}>>file`) and forgets to close it (`exec {fd}>&-`).
LOGDIR=/srv/r310/archive/jobs
mkdir -p "$LOGDIR"
n=0
while :; do
  n=$((n + 1))
  f=$(printf '%s/job-%05d.log' "$LOGDIR" "$n")
  if ! exec {fd}>>"$f"; then
    sleep 1; continue
  fi
  echo "job $n started $(date -u +%s)" >&$fd
  sleep 0.02
done
