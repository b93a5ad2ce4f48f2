#!/usr/bin/perl
# a client: connects to brokerd, sends one request, reads the answer, hangs up
use strict; use warnings; use IO::Socket::UNIX;
$0 = 'brokerctl';
while (1) {
    my $s = IO::Socket::UNIX->new(Peer => '/run/r310/brokerd.sock', Type => SOCK_STREAM) or do { sleep 1; next };
    print $s "GET queue=mail\n"; my $r = <$s>; close $s;
    select(undef, undef, undef, 0.03);
}
