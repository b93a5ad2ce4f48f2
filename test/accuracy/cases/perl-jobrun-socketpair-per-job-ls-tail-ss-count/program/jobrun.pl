#!/usr/bin/perl
# jobrun: gives each job a socketpair to report progress on; neither end is closed afterwards
use strict; use warnings; use Socket;
my @jobs;
for (my $i = 0; ; $i++) {
  socketpair(my $a, my $b, AF_UNIX, SOCK_STREAM, PF_UNSPEC) or do { warn "jobrun: socketpair: $!\n"; sleep 1; next };
  syswrite($b, "job $i done\n");
  my $line; sysread($a, $line, 64);
  push @jobs, [$a, $b];    # BUG: the job table keeps both ends forever
  select(undef, undef, undef, 0.02);
}
