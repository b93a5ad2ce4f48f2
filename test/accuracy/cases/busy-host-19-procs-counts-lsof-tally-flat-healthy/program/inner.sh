#!/bin/bash
set -u
case_=$1; out=$2; d=$3
ip link set lo up 2>/dev/null
cd "$d"
healthy() {  # ~14 healthy busy processes
  python3 hsrv.py 7001 & python3 hsrv.py 7002 &
  ./hgo 7201 16 & ./hgo 7202 6 &
  sleep 1
  python3 hcli.py 7001 20 & python3 hcli.py 7002 10 &
  for i in 1 2 3 4; do ./hworker /etc/hostname & done
  node hnode.js 7101 8 & node hnode.js 7102 4 &
  java -Xmx32m -cp . HJava /etc/os-release &
}
more_healthy() {  # 6 more for the negatives
  python3 hsrv.py 7003 & ./hgo 7203 24 & sleep 0.5; python3 hcli.py 7003 30 &
  ./hworker /etc/passwd & ./hworker /etc/group & node hnode.js 7103 12 &
}
P='root@app-07:~#'
run() { echo "$P $1"; bash -c "$1" 2>&1; }
counts='for p in /proc/[0-9]*; do echo "$(ls $p/fd 2>/dev/null | wc -l) $p"; done | sort -rn | head'
tally='lsof -n | awk '"'"'{print $1, $2}'"'"' | sort | uniq -c | sort -rn | head'
healthy
case $case_ in
closewait)
  python3 l_closewait.py 7500 & L=$!; sleep 1; python3 burst.py 7500 0.08 & sleep 35
  { run "$tally"; run "ss -s"; run "ss -tanp"; } > "$out" ;;
unconn)
  ./l_unconn & L=$!; sleep 12
  { run "$counts"; run "ss -s"; run "cat /proc/net/sockstat"; sleep 15; run "$counts"; run "ss -s"
    run "lsfd -o COMMAND,PID,TYPE | sort | uniq -c | sort -rn | head -15"; } > "$out" ;;
pipe)
  ./l_pipe & L=$!; sleep 25
  { run "cat /proc/sys/fs/file-nr"; run "lsfd"; } > "$out" ;;
file)
  mkdir -p /var/lib/r273-audit; (ulimit -n 4096; exec node l_file.js 7600 /var/lib/r273-audit/audit.log) & L=$!
  sleep 1; node hitter.js 7600 40 & sleep 12
  { run "cat /proc/sys/fs/file-nr"; run "$tally"; sleep 15; run "cat /proc/sys/fs/file-nr"; run "$tally"
    run "cat /proc/$L/limits | grep -i 'open files'"; } > "$out" ;;
deleted)
  java -Xmx32m -cp . LDeleted /var/lib/r273-spool/reports & L=$!; sleep 30
  { run "$counts"; run "lsof -n | grep deleted | wc -l"; run "lsof -n | grep deleted | head -n 40"; } > "$out" ;;
epoll)
  (ulimit -n 4096; exec ./l_epoll) & L=$!; sleep 25
  { run "$counts"; run "lsof -n | grep -E 'eventpoll|eventfd' | awk '{print \$1, \$2}' | sort | uniq -c | sort -rn | head"
    run "grep 'open files' /proc/$L/limits"; } > "$out" ;;
neg-lsfd)
  more_healthy; sleep 20
  { run "cat /proc/sys/fs/file-nr"; run "$counts"; run "ss -s"; run "cat /proc/net/sockstat"; run "lsfd"; } > "$out" ;;
neg-tally)
  more_healthy; sleep 15
  { run "$counts"; run "$tally"; run "ss -s"; sleep 15; run "$counts"; } > "$out" ;;
esac
echo "leaker=${L:-none}" >&2
kill $(jobs -p) 2>/dev/null; sleep 0.5; kill -9 $(jobs -p) 2>/dev/null
