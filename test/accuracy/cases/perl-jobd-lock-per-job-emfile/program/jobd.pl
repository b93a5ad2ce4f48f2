#!/usr/bin/perl
# jobd: takes a job every 10 ms, locks it with a lock file of its own (flock), runs it and
# "releases" the lock by unlocking -- but the handle stays in %locks, so the file stays open.
# When open fails it logs the error and goes on, as the original daemon did.
use strict;
use warnings;
use Fcntl qw(:flock O_CREAT O_RDWR);
use POSIX qw(strftime);

my $dir = '/tmp/accn/perl-jobd';
mkdir "$dir/locks";
open(my $log, '>>', "$dir/jobd.log") or die "log: $!";
$log->autoflush(1);
sub logit { my $t = strftime('%Y-%m-%dT%H:%M:%S', localtime); print $log "$t jobd[$$]: @_\n"; }
logit("started pid $$");
my %locks;
for (my $job = 1; ; $job++) {
    my $path = sprintf("%s/locks/job-%06d.lock", $dir, $job);
    my $fh;
    unless (sysopen($fh, $path, O_CREAT | O_RDWR, 0644)) {
        logit("ERROR job $job: cannot open lock $path: $!");
        select(undef, undef, undef, 0.2);
        next;
    }
    flock($fh, LOCK_EX) or logit("ERROR job $job: flock: $!");
    $locks{$job} = $fh;          # kept "in case the job is retried"
    logit("job $job done") if $job % 100 == 0;
    flock($fh, LOCK_UN);         # BUG: unlocked, never closed, never deleted from %locks
    select(undef, undef, undef, 0.01);
}
