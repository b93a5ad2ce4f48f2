// lsof's own pick of a kind (`-N`, `-i`, `-U`) beside `-p` without `-a` is ORed with the process:
// the process's rows are all of its fds, and the kinds they show say what its table holds (accuracy
// round 195). Real lines: Kurento/bugtracker#507, `lsof -N -p `pidof kurento-media-server`|tail -n
// 20` — fds 3835-3837 of pid 1260, two UDP sockets and a TCP listener of ICE candidates — beside
// `lsof -p … | wc` = 3972.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lsofSelection } from '../../src/command-words.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const KMS = [
  '$ lsof -p `pidof kurento-media-server`|wc',
  '   3972   36959  391192',
  '$ lsof -N -p `pidof kurento-media-server`|tail -n 20',
  'kurento-m 1260 kurento 3835u     IPv4            2100404      0t0     UDP 172.16.82.141:48672',
  'kurento-m 1260 kurento 3836u     IPv4            2100412      0t0     TCP 172.16.82.141:48664 (LISTEN)',
  'kurento-m 1260 kurento 3837u     IPv6            2100454      0t0     UDP [fe80::216:3eff:fe13:3599]:48610',
].join('\n');

test('a kind picked beside a process without -a selects none of its rows; with -a it does', () => {
  assert.equal(lsofSelection('lsof -N -p `pidof kurento-media-server`|tail -n 20'), null);
  assert.equal(lsofSelection('lsof -i -nPp 4242'), null);
  assert.equal(lsofSelection('lsof -N -a -p 1260'), 'nfs');
  assert.equal(lsofSelection('lsof -i'), 'network');
  // `+c 15` is the command's width, not a pick of processes.
  assert.equal(lsofSelection('lsof +c 15 -i'), 'network');
});

test("Kurento's `lsof -N -p` rows say what its table holds: UDP sockets, not 'other'", async () => {
  const result = await analyzeTranscript(KMS, 'transcript.md', now);
  const s = result.suspects[0];
  assert.equal(s?.pid, 1260);
  assert.equal(s?.leak.kind, 'socket-udp');
});
