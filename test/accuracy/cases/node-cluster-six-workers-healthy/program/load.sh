#!/bin/bash
# a trickle of requests so the workers do something
while true; do curl -s -o /dev/null http://127.0.0.1:18787/ ; sleep 0.2; done
