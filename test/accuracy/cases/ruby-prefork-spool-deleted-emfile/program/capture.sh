#!/bin/bash
# server.rb under nofile 128; uploads until a worker logs EMFILE. Spool outside /tmp on purpose
# (an app's own spool folder), removed at the end.
set -u
HERE=$(cd "$(dirname "$0")" && pwd); W=$HERE/run; SP=/var/spool/r286-uploads
rm -rf "$W" "$SP"; mkdir -p "$W" "$SP"
head -c 3000 /dev/urandom | base64 > "$W/body.txt"
prlimit --nofile=128:128 ruby "$HERE/server.rb" "$SP" "$W/uploads.log" 18671 </dev/null >/dev/null 2>&1 & M=$!
sleep 1.5
for i in $(seq 1 400); do curl -s -o /dev/null --data-binary @"$W/body.txt" http://127.0.0.1:18671/upload; if (( i % 20 == 0 )); then grep -q EMFILE "$W/uploads.log" && break; fi; done
BAD=$(grep -m1 EMFILE "$W/uploads.log" | grep -o '#[0-9]*' | tr -d '#')
run() { echo "deploy@files-1:~\$ $1"; bash -c "$1" 2>&1; }
{
run "ps -ef --forest | grep [s]erver.rb"
run "for p in \$(pgrep -f server.rb); do echo \"\$p \$(ls /proc/\$p/fd | wc -l)\"; done"
run "grep -i error $W/uploads.log | tail -n 3"
run "df -h /var/spool | tail -1; ls $SP | wc -l"
run "lsof -p $BAD | grep -c deleted"
run "lsof -p $BAD | tail -n 6"
run "grep 'open files' /proc/$BAD/limits"
} > "$W/screen.txt"
kill $M; sleep 1; rm -rf "$SP"
cat "$W/screen.txt"
