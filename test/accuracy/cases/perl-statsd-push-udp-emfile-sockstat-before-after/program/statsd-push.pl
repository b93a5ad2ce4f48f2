#!/usr/bin/perl
# statsd-push: sends one counter per event to a local statsd over UDP; keeps every socket it made
use strict; use warnings; use IO::Socket::INET; use POSIX qw(strftime);
$| = 1;
my $port = shift // 8125;
my @sent;    # BUG: "kept for retries", never trimmed, never closed
for (my $i = 0; ; $i++) {
  my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $port, Proto => 'udp');
  if (!$s) {
    print strftime('%Y-%m-%d %H:%M:%S', localtime), " statsd-push[$$]: cannot open UDP socket: $!\n";
    select(undef, undef, undef, 0.5);
    next;
  }
  $s->send("jobs.done:1|c");
  push @sent, $s;
  select(undef, undef, undef, 0.02);
}
