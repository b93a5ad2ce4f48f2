#!/usr/bin/perl
# a stand-in upstream SMTP server: greets, answers one command, hangs up
use strict; use warnings; use IO::Socket::INET;
$0 = 'smtp-upstream';
my $l = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 18325, Listen => 128, ReuseAddr => 1) or die "listen: $!";
while (my $c = $l->accept) { print $c "220 up ESMTP\r\n"; my $x = <$c>; print $c "221 bye\r\n"; close $c; }
