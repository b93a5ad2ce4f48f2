#!/bin/sh
# wrapper without exec: the shell waits for pipewatch
cd /srv/acc267/pipewatch
ulimit -n 1024
/srv/acc267/bin/pipewatch
