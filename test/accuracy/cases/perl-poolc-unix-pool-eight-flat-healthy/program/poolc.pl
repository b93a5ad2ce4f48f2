#!/usr/bin/perl
# poolc: a fixed pool of 8 unix-socket connections to the local agent, reused round-robin
use strict; use warnings; use IO::Socket::UNIX;
my $path = shift;
my @pool = map { IO::Socket::UNIX->new(Peer => $path, Type => SOCK_STREAM) or die "poolc: $!\n" } 1 .. 8;
for (my $i = 0; ; $i++) {
  my $c = $pool[$i % @pool];
  print $c "status\n"; $c->flush;
  my $r = <$c>;
  select(undef, undef, undef, 0.01);
}
