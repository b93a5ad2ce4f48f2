#!/bin/bash
# Captures case java-pluginregistry-zipfile-per-lookup-file-pile-jul-log: run as root; needs a JDK, python3.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
W=/tmp/acc296/b/w; mkdir -p $W/plugins; cd $W
python3 - <<'PY'
import zipfile
for i in range(1, 401):
    with zipfile.ZipFile('/tmp/acc296/b/w/plugins/plugin-%04d.jar' % i, 'w') as z:
        z.writestr('META-INF/plugin.properties', 'id=%d\n' % i)
PY
javac -d $W "$HERE/PluginRegistry.java"
prlimit --nofile=256:256 java -Xmx64m -cp $W PluginRegistry $W/plugins $W/registry.log </dev/null >/dev/null 2>&1 & P=$!
sleep 20
T=$W/transcript.md; open_fence
run "jps -l | grep -v Jps"
run "ls /proc/$P/fd | wc -l"
run "ls -l /proc/$P/fd | tail -5"
run "sleep 5; ls /proc/$P/fd | wc -l"
run "cat /proc/$P/limits | grep -i 'open files'"
run "grep -A3 SEVERE $W/registry.log | tail -4"
close_fence
kill $P
