<?php
// Upload finaliser: merges the chunks of an upload. Each chunk is opened and kept in $parts
// until the end "so the merge can stream them in order" -- no fclose anywhere, and a slow
// storage read per chunk. A 200-chunk upload needs 200 fds at once in this worker.
$id = preg_replace('/[^a-z0-9]/', '', $_GET['id'] ?? 'u1');
$dir = "/tmp/r286/fpm-chunks/spool/$id";
$parts = [];
for ($i = 1; $i <= 200; $i++) {
    $fh = fopen(sprintf("%s/chunk-%04d.part", $dir, $i), 'rb');
    if ($fh === false) { usleep(100000); continue; }
    $parts[] = $fh;
    usleep(100000);            // slow storage
}
$out = fopen("$dir.bin", 'wb');
foreach ($parts as $fh) { stream_copy_to_stream($fh, $out); }
echo "merged " . count($parts) . " chunks\n";
