# A spool daemon that makes a pipe per job to hand it to a helper it never starts; both ends kept.
use strict; use warnings;
my @keep;
open(my $log, '>>', "$ARGV[0]/spoold.log") or die;
while (1) {
    pipe(my $r, my $w) or die "pipe: $!";
    push @keep, [$r, $w];            # leak: never closed
    print $log scalar(localtime), " job queued\n"; $log->flush;
    sleep 12;
}
