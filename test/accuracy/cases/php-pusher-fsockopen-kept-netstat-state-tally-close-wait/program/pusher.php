<?php
// Long-running notification pusher: one fsockopen per notification to the relay; the stream is
// kept in $pending "until the ack is read", and nothing ever reads or fcloses it.
$port = (int)$argv[1];
$pending = [];
for ($n = 1; ; $n++) {
    $s = @fsockopen('127.0.0.1', $port, $errno, $errstr, 2);
    if ($s === false) {
        fwrite(STDERR, date('Y-m-d H:i:s') . " pusher: notify $n: fsockopen failed: [$errno] $errstr\n");
    } else {
        fwrite($s, "NOTIFY $n\n");
        $pending[$n] = $s;              // BUG: never fclose()d
    }
    usleep(100000);
}
