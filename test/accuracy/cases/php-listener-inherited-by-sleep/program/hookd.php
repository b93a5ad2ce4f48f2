<?php
// hookd: a tiny PHP CLI webhook receiver; each hook starts a background job through the shell.
// Bug: PHP's stream sockets are not close-on-exec, so every background job (and what it runs)
// inherits the listening socket and the accepted connection.
$srv = stream_socket_server('tcp://127.0.0.1:' . ($argv[1] ?? '8095'), $errno, $errstr);
if (!$srv) { fwrite(STDERR, "listen failed: $errstr\n"); exit(1); }
$log = fopen($argv[2] ?? '/tmp/acc116/hookd/hookd.log', 'a');
for ($n = 1; ; $n++) {
    $c = @stream_socket_accept($srv, -1);
    if ($c === false) continue;
    fread($c, 4096);
    // background job: "sleep" stands in for a long-running report script
    exec('sleep 300 > /dev/null 2>&1 &');
    fwrite($c, "HTTP/1.0 202 Accepted\r\nContent-Length: 0\r\n\r\n");
    fclose($c);
    fwrite($log, date('c') . " hook $n accepted, job started\n");
}
