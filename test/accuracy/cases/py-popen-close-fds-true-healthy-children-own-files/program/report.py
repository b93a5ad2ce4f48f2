#!/usr/bin/env python3
import sys, time
with open("/var/tmp/acc180/dispatch/report-%s.out" % sys.argv[1], "w") as f:
    f.write("report\n"); f.flush(); time.sleep(600)
