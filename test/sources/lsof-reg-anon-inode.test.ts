// An older lsof prints an anonymous inode as TYPE REG on the anonymous-inode device, named by its
// type or not at all (accuracy round 211, netty/netty#5653: a selector's pipe pair and epoll fd,
// `75u REG 0,9 0 4032 anon_inode`, said to repeat 28K times). Such a row is an anonymous inode,
// not a regular file; a REG row whose NAME is a path stays a file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lsof } from '../../src/sources/lsof.js';
import { lsofKind, regKind } from '../../src/sources/fd-kind.js';
import { parseLines } from '../../src/sources/run.js';

const NETTY = [
  'java    14913 msdp   73r  FIFO                0,8        0t0 57267637 pipe',
  'java    14913 msdp   74w  FIFO                0,8        0t0 57267637 pipe',
  'java    14913 msdp   75u   REG                0,9          0     4032 anon_inode',
];

test("netty#5653's REG row named anon_inode is an anonymous inode beside the selector's two pipe ends", () => {
  const { artifact, warnings } = parseLines(lsof, NETTY);
  assert.deepEqual(warnings, []);
  const h = artifact.holders[0];
  assert.equal(h.pid, 14913);
  assert.equal(h.byKind.pipe, 2);
  assert.equal(h.byKind.anon, 1);
  assert.equal(h.byKind.file ?? 0, 0);
});

test("vert.x's REG row named [eventpoll] is an epoll fd, a file's path beside it still a file", () => {
  const rows = [
    'java    502555 rdr_st5  180u   REG                0,9        0       4021 [eventpoll]',
    'java    502555 rdr_st5  181r  FIFO                0,8      0t0  122149322 pipe',
    'java    502555 rdr_st5  170r   REG              253,0   123456     888888 /opt/app/lib/anon_inode',
  ];
  const h = parseLines(lsof, rows).artifact.holders[0];
  assert.equal(h.byKind.anon, 1);
  assert.equal(h.byKind.pipe, 1);
  assert.equal(h.byKind.file, 1);
});

test('regKind: a type name or anon_inode is an anonymous inode; a path, deleted or not, is a file', () => {
  assert.equal(regKind('anon_inode'), 'anon');
  assert.equal(regKind('[eventpoll]'), 'anon');
  assert.equal(regKind('[eventfd]'), 'anon');
  assert.equal(regKind('/var/log/app.log'), 'file');
  assert.equal(regKind('/tmp/x (deleted)'), 'deleted-file');
  assert.equal(lsofKind('REG', '4032', 'anon_inode'), 'anon');
  assert.equal(lsofKind('REG', '1', '/srv/data/anon_inode'), 'file');
});
