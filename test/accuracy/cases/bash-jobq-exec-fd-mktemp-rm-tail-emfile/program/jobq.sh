#!/bin/bash
# jobq: takes a job every 50 ms; each job gets a scratch file it opens on a new fd, then removes
# (so nothing is left behind if the worker dies). BUG: it never closes the fd ({fd}>&-).
dir=$1
n=0
while :; do
  n=$((n+1))
  tmp=$(mktemp "$dir/job.XXXXXX") || { echo "$(date +%T) jobq[$$]: job $n: no scratch file" >&2; sleep 1; continue; }
  if ! exec {fd}<>"$tmp"; then
    echo "$(date +%T) jobq[$$]: job $n: cannot open scratch file" >&2; rm -f "$tmp"; sleep 1; continue
  fi
  rm -f "$tmp"
  echo "job $n payload" >&$fd
  echo "$(date +%T) jobq[$$]: job $n done (fd $fd)"
  sleep 0.05
done
