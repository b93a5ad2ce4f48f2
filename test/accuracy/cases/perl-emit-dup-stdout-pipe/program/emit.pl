#!/usr/bin/perl
# emit: before each batch saves STDOUT with open(">&STDOUT") to restore it later; the saved handles
# are pushed on a list and never closed; STDOUT is a pipe to the collector.
use strict; use warnings;
$| = 1;
my @saved;
for (my $n = 0; ; $n++) {
    open(my $save, '>&', \*STDOUT) or die "dup STDOUT: $!";
    push @saved, $save;               # BUG: never closed
    print "batch $n\n";
    select(undef, undef, undef, 0.05);
}
