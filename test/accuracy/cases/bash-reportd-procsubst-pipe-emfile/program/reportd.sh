#!/bin/bash
# reportd: for each job reads a report from a generator through process substitution.
# Bug: exec {fd}< <(...) keeps the pipe's read end on a new fd per job; never closed.
LOG=/srv/acc175/reportd/reportd.log
n=0
while :; do
  n=$((n+1))
  if ! exec {fd}< <(echo "report $n"); then
    echo "$(date '+%F %T') reportd[$$] job $n: cannot open report pipe" >> "$LOG"
    sleep 1; continue
  fi
  read -r -u "$fd" rep || true
  echo "$(date '+%F %T') reportd[$$] job $n: $rep" >> "$LOG"
  sleep 0.02
done
