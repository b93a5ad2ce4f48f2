// ss's own options, not a wrapper's (accuracy round 302): `nsenter -t 21793 -n ss -uanp` lists UDP
// sockets — nsenter's `-t` is no TCP flag. Rows from our capture (rust-resolvd-netns-…), whose header
// runs `Port` into `Process` as ss prints it at that width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ssSockets } from '../../src/sources/ss-sockets.js';

const LINES = [
  'State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess                              ',
  'UNCONN 0      0          127.0.0.1:41417      0.0.0.0:*    users:(("resolvd",pid=21793,fd=96)) ',
  'UNCONN 0      0          127.0.0.1:57864      0.0.0.0:*    users:(("resolvd",pid=21793,fd=81)) ',
  'UNCONN 0      0          127.0.0.1:41545      0.0.0.0:*    users:(("resolvd",pid=21793,fd=69)) ',
];

function parse(command: string) {
  const sink = ssSockets.sink({ file: 'transcript.md', command, warn: () => {} });
  for (const [i, l] of LINES.entries()) sink.line(l, i + 1);
  return sink.end();
}

test('nsenter -t PID -n ss -uanp: UDP rows of their owner, no TCP row', () => {
  const t = parse('nsenter -t 21793 -n ss -uanp');
  assert.equal(t.tcpRows, 0);
  assert.equal(t.hasProcessColumn, true);
  assert.equal(t.byProcess[0].pid, 21793);
  assert.equal(t.byProcess[0].sockets?.udp, 3);
});

test('sudo -u root ss -uan names no process column; timeout -s INT 5 ss -uanp still does', () => {
  assert.equal(parse('sudo -u root ss -uan').tcpRows, 0);
  assert.equal(parse('timeout -s INT 5 ss -uanp').byProcess[0].sockets?.udp, 3);
});
