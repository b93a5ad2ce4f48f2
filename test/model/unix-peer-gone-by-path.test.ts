// ss rows of unix sockets that name no process, tied to the server of the path they are bound to.
// Real lines: gh-nut-upssched-unix-peer-gone (networkupstools/nut#2400): `ss` of the host's unix
// sockets without a process column, and lsof rows of upssched 4005950 on /var/run/nut/upssched.pipe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { ssSockets } from '../../src/sources/ss-sockets.js';
import { unixSocketPath } from '../../src/model/unix-servers.js';
import { readOffListing } from '../../src/model/signals/fd-kinds.js';
import { FdEntryList, Vocabulary } from '../../src/sources/fd-entries.js';
import { CASES_DIR } from '../accuracy/score.js';

const pad = (n: number) => ' '.repeat(n);
const SS = [
  `u_str   ESTAB   0        0${pad(92)}/run/systemd/journal/stdout 6748${pad(33)}* 6745`,
  `u_str   ESTAB   0        0${pad(92)}/var/run/nut/upssched.pipe 26008912${pad(29)}* 0`,
  `u_str   ESTAB   0        0${pad(92)}/var/run/nut/upssched.pipe 26364794${pad(29)}* 0`,
  `u_str   ESTAB   0        0${pad(92)}/var/run/nut/upssched.pipe 26045274${pad(29)}* 0`,
  `u_seq   ESTAB   0        0${pad(117)}* 9810${pad(33)}* 9811`,
  `u_str   ESTAB   0        0${pad(117)}* 17433062${pad(29)}* 0`,
];
const LSOF = [
  'COMMAND     PID USER   FD   TYPE             DEVICE SIZE/OFF     NODE NAME',
  'upssched 4005950 root   13u  unix 0x0000000089e01604      0t0 26039351 /var/run/nut/upssched.pipe type=STREAM (CONNECTED)',
  'upssched 4005950 root   14u  unix 0x00000000d711248c      0t0 26039352 /var/run/nut/upssched.pipe type=STREAM (CONNECTED)',
  'upssched 4005950 root   21u  unix 0x00000000bc2862aa      0t0 26045274 /var/run/nut/upssched.pipe type=STREAM (CONNECTED)',
];
const now = new Date('2026-01-01T00:00:00Z');

function parseSs(lines: string[]) {
  const sink = ssSockets.sink({ file: 'ss-x.txt', warn: () => {} });
  for (const [i, l] of lines.entries()) sink.line(l, i + 1);
  return sink.end();
}

test('ss rows naming no process: connected unix sockets whose peer is gone are kept by the path they are bound to', () => {
  const t = parseSs(SS);
  // The journal's live peer, an unbound socket (`*`, even with its peer gone) and a seqpacket pair are not.
  assert.deepEqual(
    t.unownedPeerGone?.map((g) => [g.path, g.count, g.evidence.map((e) => e.line)]),
    [['/var/run/nut/upssched.pipe', 3, [2, 3, 4]]],
  );
  // A row that names its process is that process's (unixPeerGone by pid), not kept by path.
  const owned = parseSs([`${SS[1]} users:(("upssched",pid=4005950,fd=13))`]);
  assert.equal(owned.unownedPeerGone, undefined);
  assert.equal(owned.byProcess[0]?.unixPeerGone?.count, 1);
});

test("lsof's name of a unix socket: its path, before newer lsof's type and state", () => {
  assert.equal(unixSocketPath('/var/run/nut/upssched.pipe type=STREAM (CONNECTED)'), '/var/run/nut/upssched.pipe');
  assert.equal(unixSocketPath('/var/run/docker.sock'), '/var/run/docker.sock');
});

test('the peer-gone rows join the one process whose listing shows a socket of that path', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fdleak-unix-path-'));
  try {
    writeFileSync(join(dir, 'lsof-p-4005950.txt'), `${LSOF.join('\n')}\n`);
    writeFileSync(join(dir, 'ss-x.txt'), `${SS.join('\n')}\n`);
    const one = (await analyzeBundle(dir, { now })).result;
    const gone = one.suspects[0]?.reasons.find((r) => r.signal === 'unix-peer-gone');
    assert.equal(one.suspects[0]?.pid, 4005950);
    assert.equal(gone?.count, 3);
    assert.match(gone?.statement ?? '', /only process whose fd listing shows a socket of that path/);
    // Near miss: a second process holding sockets of the path (a forked worker) — whose rows they are, nothing says.
    const other = LSOF.slice(1).map((l) => l.replace('upssched 4005950', 'upssched 4005951'));
    writeFileSync(join(dir, 'lsof-p-4005951.txt'), `${[LSOF[0], ...other].join('\n')}\n`);
    const two = (await analyzeBundle(dir, { now })).result;
    assert.ok(two.suspects.every((s) => !s.reasons.some((r) => r.signal === 'unix-peer-gone')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a weak signal of an excerpt’s kind read off other rows stays beside the share; off the same rows it is told once', () => {
  const list = new FdEntryList('transcript.md', new Vocabulary(), 100);
  list.add('13', 'socket-unix', 'unix', '/var/run/nut/upssched.pipe', 'u', undefined, 39);
  list.add('14', 'socket-unix', 'unix', '/var/run/nut/upssched.pipe', 'u', undefined, 40);
  assert.equal(readOffListing([{ file: 'transcript.md', line: 39 }], 'transcript.md', list), true);
  assert.equal(readOffListing([{ file: 'transcript.md', line: 58 }], 'transcript.md', list), false);
  assert.equal(readOffListing([{ file: 'ss-x.txt', line: 39 }], 'transcript.md', list), false);
});

test('upssched: EMFILE on accept, an excerpt of accepted connections, and ss rows of them whose peer is gone (unix-peer-gone)', async () => {
  const file = join(CASES_DIR, 'gh-nut-upssched-unix-peer-gone', 'transcript.md');
  const { result } = await analyzeBundle(file, { now });
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, 4005950);
  assert.equal(result.suspects[0]?.reasons.find((r) => r.signal === 'unix-peer-gone')?.count, 6);
});
