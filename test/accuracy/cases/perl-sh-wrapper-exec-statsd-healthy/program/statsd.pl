#!/usr/bin/perl
# statsd.pl: listens on 127.0.0.1:18267, every 100 ms appends a stats line to its file, opening
# and closing it each time; answers each connection with one line and closes it. Healthy.
use strict; use warnings; use IO::Socket::INET; use IO::Select;
my $srv = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 18267, Listen => 16, ReuseAddr => 1) or die "listen: $!";
my $sel = IO::Select->new($srv); my $n = 0;
while (1) {
  for my $s ($sel->can_read(0.1)) { my $c = $srv->accept or next; print $c "ok $n\n"; close $c; }
  open(my $fh, '>>', '/srv/acc267/statsd/stats.log') or die "open: $!"; print $fh "tick ", $n++, "\n"; close $fh;
}
