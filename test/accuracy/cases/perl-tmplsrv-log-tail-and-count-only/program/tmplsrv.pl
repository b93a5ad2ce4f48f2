#!/usr/bin/perl
# template renderer: renders a page per request; opens the template and never closes it
# (the handle is stored in a cache keyed by request id).
use strict;
$0 = 'tmplsrv';
my $dir = '/srv/acc175/tmplsrv';
open(my $log, '>>', "$dir/tmplsrv.log") or die $!;
$log->autoflush(1);
my %cache;
for (my $i = 1; ; $i++) {
    my $fh;
    if (open($fh, '<', "$dir/templates/page.tt")) {
        $cache{$i} = $fh;
        my $t = <$fh>;
        print $log scalar(localtime) . " tmplsrv[$$] INFO request $i rendered\n";
    } else {
        print $log scalar(localtime) . " tmplsrv[$$] ERROR request $i: cannot open $dir/templates/page.tt: $!\n";
        sleep 1;
    }
    select(undef, undef, undef, 0.02);
}
