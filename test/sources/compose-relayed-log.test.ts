// `docker compose logs` of two services, interleaved: nginx's lines of the `web` service name its
// worker pid (`222#222`), Prosody's lines under its own service's prefix name none. Prosody's select
// backend refusing fd 1024 (`server.lua: Disallowed FD number: 1024`) is the server out of the fds
// it may use; it is Prosody's line, not nginx's. The lines are jitsi/docker-jitsi-meet#248's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appLog } from '../../src/sources/app-log.js';
import { appLogScore } from '../../src/sources/log-shape.js';
import { ranOutErrno } from '../../src/sources/exhaustion-text.js';
import { fdNumberNamed } from '../../src/sources/log-fd-numbers.js';
import { composeService } from '../../src/sources/log-pids.js';
import { parseLines } from '../../src/sources/run.js';

const PROSODY = 'prosody-CN-20Mar03-0939 | socket                                       warn     server.lua: Disallowed FD number: 1024';
const COMPOSE = [
  'web-CN-20Mar03-0939 | 2020/03/21 01:25:09 [error] 222#222: *19444 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 24.6.78.91, server: _, request: "POST /http-bind HTTP/1.1", upstream: "http://172.18.0.3:5280/http-bind", host: "daily.signaling.teamlink.co"',
  "prosody-CN-20Mar03-0939 | mod_bosh                                     info     Client tried to use sid '319877ce-ee1d-419c-b0f6-2e6267fec164' which we don't know about",
  'web-CN-20Mar03-0939 | 24.6.78.91 - - [21/Mar/2020:01:25:09 +0100] "POST /http-bind HTTP/1.1" 502 173 "-" "node-XMLHttpRequest"',
  PROSODY,
  'web-CN-20Mar03-0939 | 2020/03/21 01:25:09 [error] 224#224: *19423 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 24.6.78.91, server: _, request: "POST /http-bind HTTP/1.1", upstream: "http://172.18.0.3:5280/http-bind", host: "daily.signaling.teamlink.co"',
  "prosody-CN-20Mar03-0939 | mod_bosh                                     info     Client tried to use sid 'f82d931a-1d64-4aa2-81f6-a6de02f3eb19' which we don't know about",
];

test("Prosody's select backend refusing an fd is the server out of fds, and names that fd", () => {
  assert.equal(ranOutErrno(PROSODY), 'EMFILE');
  assert.equal(fdNumberNamed(PROSODY), 1024);
  assert.equal(fdNumberNamed('Jun 02 10:00:01 xmpp prosody[812]: server.lua: Disallowed FD number: 1031'), 1031);
  // A count or a limit after the words is no fd.
  assert.equal(fdNumberNamed('max fd number: 65536'), undefined);
  assert.equal(ranOutErrno('Disallowed FD number'), null);
});

test("compose's prefix names the service a line came from", () => {
  assert.equal(composeService(PROSODY), 'prosody-CN-20Mar03-0939');
  assert.equal(composeService('web_1  | GET / 200'), 'web_1');
  assert.equal(composeService('2020/03/21 01:25:09 [error] 222#222: x'), null);
  // Tanuki's Java Service Wrapper: its level, not a service (MyCATApache/Mycat2#735).
  assert.equal(composeService('INFO   | jvm 1    | 2022/07/25 11:38:01 | java.io.IOException: 打开的文件过多'), null);
});

test('a compose log whose one ran-out line is a service’s own is read as a log', () => {
  assert.ok(appLogScore({ head: COMPOSE, name: 'transcript.md' }) > 0);
});

test("another service's pid is not carried to a line under a different service's prefix", () => {
  const r = parseLines(appLog, COMPOSE);
  const e = r.artifact.exhaustion;
  assert.equal(e.emfile, 1);
  assert.equal(e.samples[0].ev.line, 4);
  assert.equal(e.samples[0].pid, undefined);
  assert.deepEqual(e.byPid, {});
  assert.equal(r.artifact.namedFds, undefined);
});
