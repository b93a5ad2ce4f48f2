# A cache warmer: holds 20 cache segments, and opens 0-4 scratch files per batch, closing them after.
use strict; use warnings;
my $W = $ARGV[0];
my @seg = map { open(my $f, '+>>', "$W/seg$_.bin") or die; $f } 1..20;
while (1) {
    my @scratch = map { open(my $f, '+>', "$W/scratch$_.tmp") or die; $f } 1..int(rand(5));
    sleep 1 + int(rand(4));
    close $_ for @scratch;
}
