<?php
// metrics shipper: sends a statsd line per event. Bug: caches a UDP socket per metric name in
// $socks, and metric names carry the order id, so every event opens a new socket, never closed.
$socks = [];
for ($i = 1; ; $i++) {
    $name = "shop.order.$i.latency";
    if (!isset($socks[$name])) {
        $s = stream_socket_client('udp://127.0.0.1:8125', $errno, $errstr);
        if ($s === false) { sleep(1); continue; }
        $socks[$name] = $s;
    }
    fwrite($socks[$name], "$name:" . rand(5, 90) . "|ms");
    usleep(15000);
}
