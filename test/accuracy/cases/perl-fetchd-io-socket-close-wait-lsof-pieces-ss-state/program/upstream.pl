#!/usr/bin/perl
# upstream: answers one line per connection and closes it
use strict; use warnings; use IO::Socket::INET;
$0 = 'upstream';
my $l = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 18310, Listen => 128, ReuseAddr => 1) or die "listen: $!";
while (my $c = $l->accept) { print $c "OK price=42\n"; close $c; }
