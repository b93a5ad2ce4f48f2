#!/usr/bin/perl
# mxrelay: hands each queued message to the upstream over IO::Socket::INET and keeps the
# socket in %upstream keyed by message id "in case of a retry"; the entry is never deleted,
# so the socket is never closed after the upstream hangs up (CLOSE_WAIT).
use strict; use warnings; use IO::Socket::INET; use POSIX qw(strftime);
$0 = 'mxrelay';
$| = 1;
my %upstream; my $id = 0;
sub logmsg { print STDERR strftime('%Y-%m-%d %H:%M:%S', localtime), " $_[0]\n"; }
logmsg("started, upstream 127.0.0.1:18325");
while (1) {
    $id++;
    my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => 18325, Proto => 'tcp', Timeout => 5);
    if (!$s) { logmsg("msg $id: cannot connect to 127.0.0.1:18325: $!; deferred"); sleep 1; next; }
    my $greet = <$s>; print $s "QUIT\r\n"; my $bye = <$s>;
    $upstream{"msg-$id"} = $s;       # kept for a retry that never comes
    logmsg("msg $id: relayed") if $id % 100 == 0;
    select(undef, undef, undef, 0.03);
}
