import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../helpers.js';
import { fdKind, parseSocketTable, profileFds, taskCommText, type FdLink, type SocketTable } from '../../src/collect/procfs.js';

const dir = (f: string): string => readFileSync(fixturePath('collect', 'proc-net', f), 'utf8');

function realTables(): SocketTable {
  const t: SocketTable = new Map();
  for (const name of ['tcp', 'tcp6', 'udp', 'unix', 'netlink']) parseSocketTable(dir(`${name}.txt`), name, t);
  return t;
}

/** `ls -l /proc/PID/fd` rows → fd links. */
function linksOf(lsl: string): FdLink[] {
  return lsl
    .split('\n')
    .map((l) => / (\d+) -> (.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ fd: Number(m[1]), target: m[2] }));
}

test('socket tables: states from tcp, udp; inode column of unix and netlink', () => {
  const t = realTables();
  assert.deepEqual(t.get(55553), { proto: 'tcp', state: 'LISTEN' });
  assert.deepEqual(t.get(55554), { proto: 'tcp', state: 'ESTABLISHED' });
  assert.deepEqual(t.get(55556), { proto: 'tcp', state: 'CLOSE_WAIT' });
  assert.deepEqual(t.get(48089), { proto: 'tcp', state: 'ESTABLISHED' }, 'tcp6 row');
  assert.deepEqual(t.get(55558), { proto: 'udp', state: 'UNCONN' });
  assert.deepEqual(t.get(23891), { proto: 'unix' });
  assert.deepEqual(t.get(560), { proto: 'netlink' });
  assert.equal(t.has(55559), false, 'the never-connected socket is in no table');
});

test('profile of a real fd table: the unconnected socket is told apart from listed ones', () => {
  const p = profileFds(linksOf(dir('ls-l-fd.txt')), realTables());
  assert.equal(p.total, 13);
  assert.equal(p.sockets, 6);
  assert.equal(p.unconnected, 1);
  assert.deepEqual(p.byKind, { device: 4, pipe: 3, 'socket-tcp': 4, 'socket-udp': 1, 'socket-unconnected': 1 });
  assert.deepEqual(p.socketStates, { 'tcp:LISTEN': 1, 'tcp:ESTABLISHED': 2, 'tcp:CLOSE_WAIT': 1, 'udp:UNCONN': 1 });
});

test('fd kinds from link targets', () => {
  const none: SocketTable = new Map();
  assert.equal(fdKind('/var/log/app.log', none).kind, 'file');
  assert.equal(fdKind('/tmp/x (deleted)', none).kind, 'deleted-file');
  // ls -l /proc/26293/fd of rust-thumbd-memfd-per-render: `4 -> /memfd:thumb-1 (deleted)`, memory, not a deleted file
  assert.equal(fdKind('/memfd:thumb-1 (deleted)', none).kind, 'file');
  assert.equal(fdKind('anon_inode:[eventpoll]', none).kind, 'anon');
  assert.equal(fdKind('/dev/pts/0', none).kind, 'device');
  assert.equal(fdKind('pipe:[123]', none).kind, 'pipe');
  assert.equal(fdKind('net:[4026531840]', none).kind, 'other');
  assert.equal(fdKind('socket:[1]', new Map([[1, { proto: 'netlink' as const }]])).kind, 'socket-other');
});

test('task comm text sorts like the shell glob in grep . /proc/PID/task/*/comm', () => {
  const text = taskCommText(42, [
    { tid: 42, name: 'java' },
    { tid: 100, name: 'Cat-ChannelMana' },
    { tid: 7, name: 'x' },
  ]);
  assert.equal(text, '/proc/42/task/100/comm:Cat-ChannelMana\n/proc/42/task/42/comm:java\n/proc/42/task/7/comm:x\n');
});
