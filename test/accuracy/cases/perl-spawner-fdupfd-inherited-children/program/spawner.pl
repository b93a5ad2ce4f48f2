#!/usr/bin/perl
# spawner: per job, copies its state file with fcntl(F_DUPFD) to fd >= 100 (no close-on-exec)
# and keeps the copy; every child it starts gets all the copies through execve.
use strict; use warnings; use Fcntl;
$^F = 100000;   # BUG: raised so no fd opened here gets close-on-exec
open(my $st, '>>', $ARGV[0]) or die "open: $!";
my @copies;
for (my $n = 0; ; $n++) {
    my $fd = fcntl($st, F_DUPFD, 100) or die "F_DUPFD: $!";
    open(my $h, '>>&=', $fd) or die "fdopen: $!";
    push @copies, $h;                 # BUG: kept forever, and inherited by every child
    my $pid = fork();
    if ($pid == 0) { exec('sleep', '600') or exit 1; }
    select(undef, undef, undef, 0.2);
}
