#!/usr/bin/perl
# fetchd: polls the upstream price service; keeps every socket in %conn "for reuse"
# but never reuses or closes them once the upstream hung up.
use strict; use warnings; use IO::Socket::INET; use POSIX qw(strftime);
$0 = 'fetchd';
$| = 1;
my %conn; my $n = 0;
while (1) {
    $n++;
    my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => 18310, Proto => 'tcp');
    if (!$s) { print STDERR "poll $n: connect upstream: $!\n"; sleep 1; next; }
    my $line = <$s>;
    $conn{"127.0.0.1:18310#$n"} = $s;   # kept for reuse, never closed
    print STDERR "poll $n: $line" if $n % 50 == 0;
    select(undef, undef, undef, 0.05);
}
