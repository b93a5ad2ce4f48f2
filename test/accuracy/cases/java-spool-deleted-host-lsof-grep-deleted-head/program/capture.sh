#!/bin/bash
# Runs one case in a fresh pid+network namespace (the "host"): starts the healthy processes,
# the leaker (if any), waits, captures the host-wide views, and stops everything on exit.
# usage: capture.sh CASE OUT   (run as root; needs unshare, lsof, lsfd, ss)
set -u
case_=$1; out=$(readlink -f "$2"); dir=$(cd "$(dirname "$0")" && pwd)
exec unshare -p -f -n --mount-proc bash "$dir/inner.sh" "$case_" "$out" "$dir"
