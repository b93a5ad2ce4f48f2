#!/bin/sh
# wrapper with exec: the shell becomes statsd.pl
cd /srv/acc267/statsd
ulimit -n 4096
exec /usr/bin/perl /srv/acc267/bin/statsd.pl
