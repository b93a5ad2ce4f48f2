#!/usr/bin/perl
# presenced: a tiny line-protocol presence server (PING -> PONG) on one IO::Select loop.
# The bug: when a client hangs up (sysread returns 0) the socket is taken out of the select set
# but never closed: it stays in %conns, so every finished client leaves a CLOSE_WAIT socket.
use strict; use warnings;
use IO::Socket::INET; use IO::Select;
my $port = shift;
my $l = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $port, Listen => 128, ReuseAddr => 1) or die "listen: $!";
my $sel = IO::Select->new($l);
my %conns;
$| = 1; print "presenced pid $$ on 127.0.0.1:$port\n";
while (1) {
  for my $fh ($sel->can_read) {
    if ($fh == $l) { my $c = $l->accept or next; $conns{fileno $c} = $c; $sel->add($c); next; }
    my $n = sysread($fh, my $buf, 4096);
    if (!$n) { $sel->remove($fh); next; }   # BUG: no close($fh); delete $conns{fileno $fh}
    syswrite($fh, "PONG\n") if $buf =~ /PING/;
  }
}
