// lsof's `sock` rows by what their NAME says (accuracy round 20, moby/moby#28448): Docker 1.12's
// dockerd held `sock … protocol: NETLINK` rows among its libcontainerd FIFOs — netlink sockets
// lsof found in no table, not the unconnected TCP sockets `protocol: TCP` rows are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lsofKind, sockKind } from '../../src/sources/fd-kind.js';
import { lsofFields } from '../../src/sources/lsof-fields.js';
import { lsof } from '../../src/sources/lsof.js';
import { parseLines } from '../../src/sources/run.js';
import { isNetlinkName } from '../../src/model/signals/special-fds.js';

test('a `sock` row is an unconnected socket unless its NAME names a protocol of no TCP table', () => {
  assert.equal(sockKind("can't identify protocol"), 'socket-unconnected');
  assert.equal(sockKind('protocol: TCP'), 'socket-unconnected');
  assert.equal(sockKind('protocol: TCPv6'), 'socket-unconnected');
  assert.equal(sockKind('protocol: NETLINK'), 'socket-other');
  assert.equal(sockKind('protocol: PACKET'), 'socket-other');
  assert.equal(sockKind('protocol: UNIX'), 'socket-unix');
  // A TYPE tally (no NAME) keeps the old reading.
  assert.equal(lsofKind('sock', '', ''), 'socket-unconnected');
  assert.equal(lsofKind('sock', '', 'protocol: NETLINK'), 'socket-other');
  assert.equal(isNetlinkName('protocol: NETLINK'), true);
  assert.equal(isNetlinkName('ROUTE'), true);
  assert.equal(isNetlinkName('protocol: TCP'), false);
});

test('lsof -F: a netlink `sock` field set is a netlink socket, not an unconnected one', () => {
  const lines = ['p3840', 'cdockerd', 'f950', 'tsock', 'nprotocol: NETLINK', 'f951', 'tsock', 'nprotocol: TCP'];
  const r = parseLines(lsofFields, lines, { command: 'lsof -F pcftn -p 3840', file: 'lsof-F.txt' });
  const h = r.artifact.holders[0];
  assert.equal(h.pid, 3840);
  assert.equal(h.unidentifiedSockets, 1);
  assert.equal(h.byKind['socket-other'], 1);
});

// bluenviron/mediamtx#4942 (accuracy round 103): MediaMTX, a Go server, listens with Multipath TCP;
// lsof finds an MPTCP socket in no table whatever its state and prints it `protocol: MPTCPv6`.
test('an MPTCP `sock` row is a socket of unknown state, not an unconnected one', () => {
  assert.equal(sockKind('protocol: MPTCPv6'), 'socket-other');
  assert.equal(sockKind('protocol: MPTCP'), 'socket-other');
  const lines = [
    'mediamtx 1050271 root *932u     sock                0,9        0t0 141839990 protocol: MPTCPv6',
    'mediamtx 1050271 root *933u     sock                0,9        0t0 141870783 protocol: MPTCPv6',
    'mediamtx 1050271 root *934u     sock                0,9        0t0 141877531 protocol: MPTCPv6',
  ];
  const r = parseLines(lsof, lines, { command: 'lsof -p 1050271', file: 'lsof.txt' });
  const h = r.artifact.holders[0];
  assert.equal(h.pid, 1050271);
  assert.equal(h.byKind['socket-other'], 3);
  assert.equal(h.byKind['socket-unconnected'] ?? 0, 0);
});
