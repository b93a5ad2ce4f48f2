#!/usr/bin/perl
# mailq: listens for submissions and delivers each queued message with system("sleep", ...)
# standing in for /usr/sbin/sendmail. $^F is raised so that a re-exec on SIGHUP keeps the
# listener; every system() child gets the listener and the queue log too.
use strict; use warnings; use IO::Socket::INET; use POSIX qw(strftime);
BEGIN { $^F = 255 }
mkdir "/var/tmp/acc180"; mkdir "/var/tmp/acc180/mailq";
open(my $log, '>>', "/var/tmp/acc180/mailq/queue.log") or die;
select((select($log), $| = 1)[0]);
my $ls = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 19806, Listen => 16, ReuseAddr => 1) or die;
for my $n (1 .. 100) {
  print $log strftime("%Y-%m-%d %H:%M:%S", localtime), " delivering msg $n\n";
  system("sleep", "120");
}
