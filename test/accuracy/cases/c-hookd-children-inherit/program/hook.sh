#!/bin/sh
# the per-job hook: notifies a slow downstream (here: sleeps), holding whatever it was given
sleep 600
