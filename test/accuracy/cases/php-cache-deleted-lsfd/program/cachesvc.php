<?php
// cachesvc: renders cache entries into a scratch file, publishes them, removes the scratch file.
// Bug: the scratch handle is kept in $handles "for reuse" and never fclose()d, so every
// unlinked scratch file stays open (and its blocks allocated).
$dir = $argv[1] ?? '/tmp/acc116/cachesvc/data';
@mkdir($dir, 0755, true);
$log = fopen($argv[2] ?? '/tmp/acc116/cachesvc/cachesvc.log', 'a');
$handles = [];
for ($n = 1; ; $n++) {
    $scratch = sprintf('%s/render-%06d.part', $dir, $n);
    $fh = @fopen($scratch, 'w+');
    if ($fh === false) {
        $e = error_get_last();
        fwrite($log, date('c') . " ERROR entry $n: " . ($e['message'] ?? 'fopen failed') . "\n");
        sleep(1);
        continue;
    }
    fwrite($fh, str_repeat('x', 16384));
    $handles[$n] = $fh;            // "reused later" - never closed
    unlink($scratch);
    if ($n % 50 == 0) fwrite($log, date('c') . " INFO rendered $n entries\n");
    usleep(20000);
}
