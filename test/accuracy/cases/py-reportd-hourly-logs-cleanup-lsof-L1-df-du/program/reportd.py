"""reportd: writes its report log to one file per hour (here: per 0.3 s, to be quick).
BUG: when the hour changes it opens the next file and forgets the previous handle open.
A cleanup cron job deletes old hourly logs; the space never comes back."""
import os, sys, time

logdir = sys.argv[1]
handles = []          # every handle ever opened stays referenced (a registry nobody prunes)
hour = 0
while True:
    name = os.path.join(logdir, "reportd-20261207-%02d%02d.log" % (hour // 60, hour % 60))
    f = open(name, "a")
    handles.append(f)
    f.write("x" * 2_000_000 + "\n")   # the hour's report lines, ~2 MB
    f.flush()
    hour += 1
    time.sleep(0.3)
