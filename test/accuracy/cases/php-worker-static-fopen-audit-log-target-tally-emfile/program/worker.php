<?php
// Long-running PHP worker (FPM-like: one process, many requests). Each request appends an audit
// line through a handle kept in a static cache keyed by request id, never fclose()d.
$audit = $argv[1];
$jobs = $argv[2];
function handle_request(int $id, string $audit): void {
    static $handles = [];               // survives across requests, like a persistent worker's globals
    $fh = fopen($audit, 'a');           // line 8: fails with EMFILE once the table is full
    if ($fh === false) { return; }
    $handles[$id] = $fh;                // BUG: kept "for the end of the request", never fclose()d
    fwrite($fh, date('c') . " req=$id ok\n");
}
for ($id = 1; ; $id++) {
    $body = @file_get_contents("$jobs/job-" . ($id % 5) . ".json");
    handle_request($id, $audit);
    usleep(150000);
}
