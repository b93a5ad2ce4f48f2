#!/usr/bin/perl
# preforkd: a prefork line server (4 children); each child accepts, answers,
# closes the connection and its per-request log handle. Healthy.
use strict; use warnings; use IO::Socket::INET; use POSIX ':sys_wait_h';
$0 = 'preforkd';
my $l = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 18311, Listen => 128, ReuseAddr => 1) or die "listen: $!";
open(my $acc, '>>', '/srv/r310/prefork/access.log') or die;
my %kids;
sub child {
    $0 = 'preforkd: worker';
    while (my $c = $l->accept) {
        my $req = <$c>;
        open(my $tpl, '<', '/srv/r310/prefork/motd.txt') or die;
        my $body = <$tpl>; close $tpl;
        print $c $body; close $c;
        syswrite $acc, "$$ served\n";
    }
    exit 0;
}
for (1..4) { my $p = fork; if (!$p) { child() } $kids{$p} = 1 }
while ((my $p = wait) > 0) { delete $kids{$p}; my $n = fork; if (!$n) { child() } $kids{$n} = 1 }
