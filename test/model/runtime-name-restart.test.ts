// A log line's `java[17485]` beside one lsof row of another `java` process (OpenVidu/openvidu#250):
// a runtime's name is every JVM's, so the other pid is no restart of the one that ran out — the
// lines stay pid 17485's. A program's own name still makes a restart (usbguard-daemon).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRuntimeName } from '../../src/model/runtime-names.js';
import { analyzeTranscript } from '../analyze-transcript.js';

// OpenVidu/openvidu#250, as pasted (the lsof row cut as in our copy).
const OPENVIDU = [
  'May 14 08:23:46 video java[17485]: [ERROR] 2019-05-14 08:23:46,821 [3-Acceptor-0] org.apache.tomcat.util.net.NioEndpoint (log) - Socket accept failed',
  'May 14 08:23:46 video java[17485]: java.io.IOException: Too many open files',
  'May 14 08:23:46 video java[17485]:         at sun.nio.ch.ServerSocketChannelImpl.accept0(Native Method)',
  'May 14 08:23:46 video java[17485]:         at java.lang.Thread.run(Thread.java:748)',
  '',
  'After every call I checked `lsof 17134 | wc -l` and it was steadily increasing. In the list of open',
  'java    17134 root  231r      REG               8,17      329 540660218 /mnt/video/archive/61801f6c455d4fbcb836ec9b2de58efb/.recording.61801f6c455d4fbcb836e',
];

test("a runtime's name names no one program", () => {
  for (const name of ['java', 'python3', 'python3.11', 'Python', 'node', 'ruby', 'perl', 'php-fpm', '/usr/bin/java'])
    assert.equal(isRuntimeName(name), true, name);
  for (const name of ['usbguard-daemon', 'nginx', 'javac', 'nodemon', 'kube-apiserver']) assert.equal(isRuntimeName(name), false, name);
});

test("openvidu#250: java[17485]'s EMFILE stays its own beside another java's lsof row", async () => {
  const r = await analyzeTranscript(OPENVIDU, 'transcript.md');
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0].pid, 17485);
  assert.ok(!r.suspects.some((s) => s.pid === 17134 && s.reasons.length > 0));
});
