#!/bin/sh
# Runs the service with LimitNOFILE=512 and takes a sos report while it is out of fds.
# systemd is not PID 1 on the capture machine (PID 1 is the sandbox's process_api), so
# `systemd-run -p LimitNOFILE=512` could not be used: prlimit sets the same limit instead.
# The archive (950 KB) was unpacked and only the files fdleak reads were kept (see README).
set -e
A=/tmp/acc261
gcc -O2 -o $A/bin/relayd relayd.c; setsid prlimit --nofile=512:512 $A/bin/relayd 2>>/var/log/relayd.log >/dev/null </dev/null &
PID=$!
sleep 14
sos report --batch --all-logs --tmp-dir $A/sos2 -o process,kernel,networking,logs,systemd
kill $PID
mkdir -p $A/sos2/x && tar -xJf $A/sos2/sosreport-*.tar.xz -C $A/sos2/x
# kept: sos_commands/process/*, sos_commands/networking/netstat_-W_*, sos_commands/kernel/sysctl_-a,
# sos_commands/systemd/systemctl_show_service_--all, proc/<pid>/net/sockstat{,6}, version.txt,
# sos_reports/manifest.json
