#!/usr/bin/perl
# watchd: for each agent check-in it makes an eventfd (eventfd2 through syscall, no CPAN) to
# wake the reporter, signals it once with POSIX::write -- and never calls POSIX::close on it.
use strict;
use warnings;
use POSIX qw(strftime);
use IO::Handle;

my $SYS_eventfd2 = 290;    # x86_64
open(my $log, '>>', 'watchd.log') or die "log: $!";
$log->autoflush(1);
sub say_log { print $log strftime('%Y-%m-%dT%H:%M:%S', localtime) . " watchd[$$] @_\n" }
say_log('info: started');
my $n = 0;
while (1) {
    $n++;
    my $fd = syscall($SYS_eventfd2, 0, 0);
    if ($fd < 0) {
        say_log("error: check-in $n: eventfd: $!");
        sleep 1;
        next;
    }
    POSIX::write($fd, pack('Q', 1), 8);    # BUG: no POSIX::close($fd)
    say_log("info: check-in $n handled") if $n % 50 == 0;
    select(undef, undef, undef, 0.05);
}
