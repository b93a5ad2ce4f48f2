<?php
// feeder: asks a quote service for a price per order. Bug: keeps every connection in $conns
// (meant as a pool) and never fcloses it; the service closes its side after replying.
$conns = [];
$log = fopen('/srv/acc175/feeder/feeder.log', 'a');
for ($i = 1; ; $i++) {
    $c = @stream_socket_client('tcp://127.0.0.1:9231', $errno, $errstr, 2);
    if ($c === false) {
        fwrite($log, date('c') . " feeder[" . getmypid() . "] order $i: connect failed: $errstr ($errno)\n");
        sleep(1);
        continue;
    }
    fwrite($c, "PRICE $i\n");
    $price = trim((string)fgets($c));
    $conns[] = $c;
    fwrite($log, date('c') . " feeder[" . getmypid() . "] order $i priced $price\n");
    usleep(40000);
}
