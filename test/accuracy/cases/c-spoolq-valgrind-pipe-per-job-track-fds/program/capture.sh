#!/bin/bash
# Run spoolq under valgrind with fd tracking (std fds not shown: --track-fds=yes).
cd /tmp/r227/c1
echo '$ valgrind --track-fds=yes ./spoolq'
valgrind --track-fds=yes ./spoolq 2>&1
