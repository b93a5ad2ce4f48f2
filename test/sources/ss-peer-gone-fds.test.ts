// One unix socket whose peer is gone, held on many fds of one process (accuracy round 78).
// Real line: ktorio/ktor#1125, `ss -anpe | grep pid=31339`: one `u_str ESTAB … * 1068003 * 0` row
// whose process list names 43 fds (one misprinted `pid=3133` in the thread); the paste stops
// inside the row. Each fd is one the process never closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ssOwners, ssSockets } from '../../src/sources/ss-sockets.js';

const FDS = [3474, 3398, 3322, 3260, 3248, 3196, 3121, 3112, 3109, 3009, 2855, 2683];
const ROW = `u_str  ESTAB      0      0         * 1068003   * 0    users:(${FDS.map((fd) => `("java",pid=31339,fd=${fd})`).join(',')},("java",pid=3133,fd=2511),("java",pid=31339,fd=1341)`;

function parse(line: string) {
  const sink = ssSockets.sink({ file: 'transcript.md', command: 'ss -anpe | grep pid=31339', warn: () => {} });
  sink.line(line, 1);
  return sink.end();
}

test("ss -p's fds of one process on one socket: one owner, its highest fd, how many fds", () => {
  const { owners, cut } = ssOwners(ROW);
  assert.equal(cut, true);
  assert.deepEqual(
    owners.map((o) => [o.pid, o.fd, o.fds]),
    [
      [31339, 3474, 13],
      [3133, 2511, undefined],
    ],
  );
});

test('a unix socket whose peer is gone counts once per fd that holds it', () => {
  const t = parse(ROW);
  const java = t.byProcess.find((p) => p.pid === 31339);
  assert.equal(java?.unixPeerGone?.count, 13);
  // A live peer counts no fd, however many hold the socket.
  const live = parse(ROW.replace('* 0    users', '* 1068004    users'));
  assert.equal(live.byProcess.find((p) => p.pid === 31339)?.unixPeerGone, undefined);
});
