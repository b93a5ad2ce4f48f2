#!/usr/bin/perl
# mailer: asks authd about each message's sender over a unix socket. Bug: keeps every
# connection in @held (meant for reuse, never reused) and never closes it.
use strict; use IO::Socket::UNIX;
$0 = 'mailer';
open(my $log, '>>', '/srv/acc175/mailer/mailer.log') or die $!;
$log->autoflush(1);
my @held;
for (my $i = 1; ; $i++) {
    my $s = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Peer => '/run/acc175/authd.sock');
    unless ($s) { print $log scalar(localtime) . " mailer[$$] msg $i: auth connect: $!\n"; sleep 1; next; }
    print $s "CHECK sender$i\@example.org\n";
    my $r = <$s>; chomp $r if defined $r;
    push @held, $s;
    print $log scalar(localtime) . " mailer[$$] msg $i auth=$r\n";
    select(undef, undef, undef, 0.03);
}
