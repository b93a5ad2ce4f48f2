#!/usr/bin/perl
# Pre-forking spool daemon: the parent forks 5 children; each takes a job every 0.2 s, writes it to
# its own spool file, "delivers" it and unlinks the file.  Child 2 keeps each spool handle in
# %pending for a retry that never happens (the bug), so every delivered file stays open, deleted.
use strict; use warnings; use POSIX ();
my ($spool, $logf) = @ARGV;
sub logm { open(my $l, '>>', $logf) or return; printf $l "%s spoold[%d]: %s\n", POSIX::strftime("%Y-%m-%d %H:%M:%S", localtime), $$, $_[0]; close $l; }
sub child {
  my $n = shift; my %pending; my $seq = 0;
  logm("child $n ready");
  while (1) {
    $seq++;
    my $path = sprintf("%s/c%d-job-%06d.msg", $spool, $n, $seq);
    if (open(my $fh, '+>', $path)) {
      print $fh "job $seq from child $n\n" x 40;
      unlink $path;                       # delivered
      if ($n == 2) { $pending{$seq} = $fh } else { close $fh }
    } else { logm("child $n cannot open $path: $!"); sleep 1; }
    logm("child $n delivered $seq jobs") if $seq % 100 == 0;
    select(undef, undef, undef, 0.2);
  }
}
logm("parent starting 5 children");
my @kids;
for my $n (1..5) { my $pid = fork(); if ($pid == 0) { child($n); exit 0 } push @kids, $pid; }
while (1) { sleep 5 }
