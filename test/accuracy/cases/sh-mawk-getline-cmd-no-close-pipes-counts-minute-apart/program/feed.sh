#!/bin/bash
# writes access-log lines with epoch stamps, 20 a second
while :; do echo "$(date +%s%N | cut -c1-13) GET /item/$RANDOM 200"; sleep 0.05; done
