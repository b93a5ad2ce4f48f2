#!/bin/bash
# tailmon: every check reads `df` through process substitution kept on a numbered fd
# (`exec {df}< <(df -P /)`) and never closes it: one pipe per check.
n=0
while :; do
  n=$((n + 1))
  if ! exec {df}< <(df -P / 2>/dev/null); then
    echo "check $n: cannot read df" >&2; sleep 1; continue
  fi
  read -r _ <&$df; read -r line <&$df
  set -- $line
  echo "check $n: / used $5" >&2
  sleep 0.05
done
