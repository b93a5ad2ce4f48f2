#!/bin/sh
# Runs the service with LimitNOFILE=512 and takes a sos report while it is out of fds.
# systemd is not PID 1 on the capture machine (PID 1 is the sandbox's process_api), so
# `systemd-run -p LimitNOFILE=512` could not be used: prlimit sets the same limit instead.
# The archive (950 KB) was unpacked and only the files fdleak reads were kept (see README).
set -e
A=/tmp/acc261
go build -o $A/bin/healthd healthd.go; setsid prlimit --nofile=512:512 $A/bin/healthd >/dev/null 2>&1 </dev/null &
PID=$!
sleep 10
cp $A/healthd/healthd.log /var/log/healthd.log   # so that the logs plugin could pick it up (it did not)
sos report --batch --all-logs --tmp-dir $A/sos3 -o process,kernel,networking,logs,systemd
kill $PID
mkdir -p $A/sos3/x && tar -xJf $A/sos3/sosreport-*.tar.xz -C $A/sos3/x
# kept: sos_commands/process/*, sos_commands/networking/netstat_-W_*, sos_commands/kernel/sysctl_-a,
# sos_commands/systemd/systemctl_show_service_--all, proc/<pid>/net/sockstat{,6}, version.txt,
# sos_reports/manifest.json
