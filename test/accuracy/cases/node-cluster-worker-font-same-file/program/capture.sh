#!/bin/bash
# render.js: Node cluster master + 3 workers, ulimit -n 1024. Captures: pstree -p of the master,
# counts per process twice, a tally of worker 2's fd targets, its limits.
set -u; HERE=$(cd "$(dirname "$0")" && pwd); . "$HERE/common.sh"; PROMPT='app@render-1:~$'
mkdir -p /srv/acc267/render/fonts; cp "$HERE/render.js" /srv/acc267/render/; head -c 4096 /dev/urandom > /srv/acc267/render/fonts/DejaVuSans.ttf
ulimit -n 1024
cd /srv/acc267/render; setsid node render.js </dev/null >/dev/null 2>&1 & M=$!
sleep 4
{
run "pstree -p $M"
run 'for p in $(pgrep -f render.js); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
sleep 5
run 'for p in $(pgrep -f render.js); do echo "$p $(ls /proc/$p/fd | wc -l)"; done'
W2=$(for p in $(pgrep -P $M); do tr '\0' '\n' < /proc/$p/environ | grep -qx WORKER_NO=2 && echo $p; done)
run "ls -l /proc/$W2/fd | awk '{print \$11}' | sort | uniq -c | sort -rn | head -6"
run "grep 'Max open files' /proc/$W2/limits"
} > "$HERE/screen.txt"
kill $M; true
