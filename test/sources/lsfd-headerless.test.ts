// lsfd's rows cut from their header by the command that printed them (`lsfd -p PID | tail -8`):
// read by lsfd's default columns, as an excerpt. The lines are node-thumbs-spawn-pipes'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lsfd, lsfdDefaultTable, lsfdOutputColumns } from '../../src/sources/lsfd.js';
import { parseLines } from '../../src/sources/run.js';

const TAIL = [
  'node    22294 root    592  rw- SOCK       sockfs    10    7974964 UNIX-STREAM:[7974964]',
  'node    22294 root    593  rw- SOCK       sockfs    10    7973399 UNIX-STREAM:[7973399]',
  'node    22294 root    594  rw- SOCK       sockfs    10    7973422 UNIX-STREAM:[7973422]',
  'node    22294 root    595  rw- SOCK       sockfs    10    7973401 UNIX-STREAM:[7973401]',
  'node    22294 root    596  rw- SOCK       sockfs    10    7973411 UNIX-STREAM:[7973411]',
  'node    22294 root    598  rw- SOCK       sockfs    10    7973413 UNIX-STREAM:[7973413]',
  'node    22294 root    599  rw- SOCK       sockfs    10    7973424 UNIX-STREAM:[7973424]',
  'node    22294 root    601  rw- SOCK       sockfs    10    7973426 UNIX-STREAM:[7973426]',
];

test('lsfd rows without their header are lsfd when the command ran lsfd with its default columns', () => {
  assert.equal(lsfd.detect({ head: TAIL, name: 'transcript.md', command: 'lsfd -p 22294 | tail -8' }), 0.9);
  assert.equal(lsfd.detect({ head: TAIL, name: 'transcript.md' }), 0);
  assert.equal(lsfd.detect({ head: TAIL, name: 'transcript.md', command: 'lsfd -p 22294 -o ASSOC,TYPE,NAME | tail' }), 0);
  assert.ok(lsfdDefaultTable("sudo lsfd -p 22294 -Q 'FD >= 0' | tail -8"));
  assert.ok(!lsfdDefaultTable('lsfd -J -p 22294'));
  assert.ok(!lsfdDefaultTable('lsof -p 22294 | tail -8'));
});

test('headerless lsfd rows are read by the default columns, as an excerpt', () => {
  const { artifact, warnings } = parseLines(lsfd, TAIL, { command: 'lsfd -p 22294 | tail -8' });
  assert.equal(warnings.length, 0);
  assert.equal(artifact.hasHeader, false);
  assert.equal(artifact.rows, 8);
  assert.equal(artifact.holders.length, 1);
  assert.equal(artifact.holders[0].pid, 22294);
  assert.equal(artifact.holders[0].byKind['socket-unix'], 8);
});

test('without the lsfd command the rows stay unread', () => {
  const { artifact, warnings } = parseLines(lsfd, TAIL.slice(0, 1), {});
  assert.equal(artifact.rows, 0);
  assert.ok(warnings.some((w) => w.message.includes('before any header')));
});

// Round 227's captured authcache (test/accuracy/cases/rs-authcache-unix-stream-forgotten-lsfd-o-tail-counts):
// `-o` chose the columns and their order, and tail cut the header that named them.
const OUTPUT_TAIL = [
  '29707 authcache    390 SOCK UNIX-STREAM:[13226587]',
  '29707 authcache    391 SOCK UNIX-STREAM:[13226589]',
  '29707 authcache    392 SOCK UNIX-STREAM:[13226591]',
  '29707 authcache    397 SOCK UNIX-STREAM:[13226599]',
];
const OUTPUT_COMMAND = 'lsfd -p 29707 -o PID,COMMAND,ASSOC,TYPE,NAME | tail -8';

test('lsfdOutputColumns: the columns -o chose, only with PID, ASSOC and NAME last', () => {
  assert.deepEqual(lsfdOutputColumns(OUTPUT_COMMAND), ['PID', 'COMMAND', 'ASSOC', 'TYPE', 'NAME']);
  assert.deepEqual(lsfdOutputColumns('lsfd --output=pid,assoc,name'), ['PID', 'ASSOC', 'NAME']);
  assert.deepEqual(lsfdOutputColumns('lsfd -opid,assoc,name -p 1'), ['PID', 'ASSOC', 'NAME']);
  assert.equal(lsfdOutputColumns('lsfd -p 1 -o ASSOC,TYPE,NAME'), undefined);
  assert.equal(lsfdOutputColumns('lsfd -p 1 -o PID,NAME,ASSOC'), undefined);
  assert.equal(lsfdOutputColumns('lsfd -p 1 -o +PID,ASSOC,NAME'), undefined);
  assert.equal(lsfdOutputColumns('lsfd -p 1'), undefined);
});

test('headerless rows of -o columns are read by those columns, as an excerpt', () => {
  assert.equal(lsfd.detect({ head: OUTPUT_TAIL, name: 'transcript.md', command: OUTPUT_COMMAND }), 0.9);
  const { artifact, warnings } = parseLines(lsfd, OUTPUT_TAIL, { command: OUTPUT_COMMAND });
  assert.equal(warnings.length, 0);
  assert.equal(artifact.hasHeader, false);
  assert.equal(artifact.rows, 4);
  assert.equal(artifact.holders[0].pid, 29707);
  assert.equal(artifact.holders[0].command, 'authcache');
  assert.equal(artifact.holders[0].byKind['socket-unix'], 4);
});

test('a header of -o columns in their own order (PID first) is a header', () => {
  const lines = ['  PID COMMAND    ASSOC TYPE NAME', ...OUTPUT_TAIL];
  const { artifact, warnings } = parseLines(lsfd, lines, { command: 'lsfd -p 29707 -o PID,COMMAND,ASSOC,TYPE,NAME' });
  assert.equal(warnings.length, 0);
  assert.equal(artifact.hasHeader, true);
  assert.equal(artifact.holders[0].pid, 29707);
  assert.equal(artifact.holders[0].byKind['socket-unix'], 4);
});
