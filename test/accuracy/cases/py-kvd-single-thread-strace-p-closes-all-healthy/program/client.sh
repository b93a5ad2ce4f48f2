#!/bin/bash
for i in $(seq 1 200); do printf 'beta\n' | timeout 1 bash -c 'exec 3<>/dev/tcp/127.0.0.1/9320; cat >&3; head -1 <&3' >/dev/null; sleep 0.05; done
