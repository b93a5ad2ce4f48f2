#!/usr/bin/perl
# jobrun: runs a probe command per job through open '-|' and keeps the handle in
# @running "to collect later"; nobody ever collects, so every pipe stays open.
use strict; use warnings;
$0 = 'jobrun';
$| = 1;
my @running; my $n = 0;
sub logmsg { printf STDERR "%d\t%s\n", time, $_[0]; }
logmsg("jobrun started, probe=/usr/bin/uptime");
while (1) {
    $n++;
    my $fh;
    if (!open($fh, '-|', '/usr/bin/uptime')) {
        logmsg("job $n: cannot start /usr/bin/uptime: $!");
        sleep 1; next;
    }
    my $out = <$fh>;
    push @running, $fh;          # never closed: the pipe's read end stays open
    logmsg("job $n: done") if $n % 100 == 0;
    select(undef, undef, undef, 0.02);
}
