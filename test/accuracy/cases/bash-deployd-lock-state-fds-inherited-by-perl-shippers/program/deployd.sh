#!/bin/bash
# deployd: takes its lock and opens its state log on numbered fds, then starts one
# shipper per queue. Neither fd is marked for the children (no `{lock}>&-` in the
# child's redirections), so every shipper holds the lock and the log after exec.
D=/srv/r310/deployd
exec {lock}>"$D/deployd.lock"
flock -n "$lock" || { echo "already running" >&2; exit 1; }
exec {st}>>"$D/state.log"
for q in $(seq 1 12); do
  perl "$(dirname "$0")/shipper.pl" "q$q" </dev/null >/dev/null 2>&1 &
  echo "$(date -u +%s) started shipper q$q pid $!" >&$st
done
wait
