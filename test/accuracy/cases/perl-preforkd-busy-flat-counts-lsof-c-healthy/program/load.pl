#!/usr/bin/perl
use strict; use warnings; use IO::Socket::INET;
$0 = 'loadgen';
while (1) { my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1:18311') or next; print $s "GET\n"; my $r = <$s>; close $s; select(undef,undef,undef,0.005); }
