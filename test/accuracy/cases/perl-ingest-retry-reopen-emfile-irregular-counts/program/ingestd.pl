#!/usr/bin/perl
# ingestd: reads batch files from inbox/ and parses their records.  A record that fails to
# parse is retried by reopening the batch and seeking to it.  Bug: the retry handle is pushed
# onto @retry_fhs (kept "so the retry can resume") and never closed, so fds leak only when
# bad records come in - in bursts, at an irregular rate.
use strict; use warnings; use POSIX qw(strftime);
open(my $log, '>>', 'ingestd.log') or die; select((select($log), $| = 1)[0]);
sub say { print $log strftime('%Y-%m-%d %H:%M:%S', localtime), " ingestd[$$]: @_\n" }
my @retry_fhs; my $n = 0; srand(11);
say('started');
while (1) {
  my $path = sprintf('inbox/batch-%04d.dat', $n++ % 50);
  my $fh;
  unless (open($fh, '<', $path)) { say("open $path: $!"); sleep 1; next }
  my $off = 0;
  while (my $line = <$fh>) {
    if ($line =~ /BAD/) {
      my $rfh;
      unless (open($rfh, '<', $path)) { say("retry open $path: $!"); sleep 1; last }
      seek($rfh, $off, 0); push @retry_fhs, $rfh;        # BUG: never closed
    }
    $off = tell($fh);
  }
  close $fh;
  select(undef, undef, undef, 0.1);
}
