<?php
// health page: reads a small JSON file and closes it
$f = fopen(__DIR__ . '/build.json', 'rb');
$info = json_decode(fread($f, 4096), true);
fclose($f);
header('Content-Type: text/plain');
echo "ok build=" . $info['build'] . "\n";
