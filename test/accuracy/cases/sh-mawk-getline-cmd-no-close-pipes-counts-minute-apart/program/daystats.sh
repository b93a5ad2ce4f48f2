#!/bin/bash
# Per-day request counter: tail the access log, turn each epoch-ms stamp into a day with date(1)
# through awk's `cmd | getline` — and never close(cmd). Every distinct command keeps its pipe.
tail -n0 -F "$1" | mawk -v out="$2" '
{
    cmd = "date -u -d @" substr($1, 1, 10) "." substr($1, 11, 3) " +%F"
    if ((cmd | getline day) <= 0) day = "unknown"     # mawk: -1 once no pipe can be made, no message
    # BUG: no close(cmd)
    n[day]++
    if (NR % 100 == 0) { for (d in n) printf "%s %d\n", d, n[d] > out; fflush(out) }
}'
