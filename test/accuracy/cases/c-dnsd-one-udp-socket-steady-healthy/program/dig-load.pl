#!/usr/bin/perl
# dig-load: a steady query load on dnsd from one UDP socket
use strict; use warnings; use IO::Socket::INET;
my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => (shift // 5399), Proto => 'udp') or die $!;
for (;;) { $s->send("www.example.org"); my $r; $s->recv($r, 512); select(undef, undef, undef, 0.005); }
