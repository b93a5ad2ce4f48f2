<?php
// pool worker: holds its log and one persistent connection to the job broker; opens each job
// file, reads it, closes it. Healthy: a handful of fds per worker.
$id = $argv[1];
$log = fopen("/srv/acc175/pool/worker-$id.log", 'a');
$broker = stream_socket_client('tcp://127.0.0.1:9241', $errno, $errstr, 2);
for ($i = 1; ; $i++) {
    fwrite($broker, "NEXT $id\n");
    $job = trim((string)fgets($broker));
    $f = fopen("/srv/acc175/pool/jobs/$job", 'r');
    $body = fread($f, 4096);
    fclose($f);
    fwrite($log, date('c') . " worker $id pid " . getmypid() . " job $job " . strlen($body) . " bytes\n");
    usleep(200000);
}
