// BSD fstat(1) listings (accuracy round 44): real rows from transmission/transmission#633, a
// FreeBSD jail's `fstat` of transmission-daemon pid 22331 with TCP sockets at fds 1007-1015, pasted
// as a Markdown code block under the reporter's own elision `...Lots of lines...`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fstat, isFstatHeader, parseFstatRow } from '../../src/sources/fstat.js';
import { isElision } from '../../src/sources/fd-kind.js';
import { parseLines } from '../../src/sources/run.js';

const PASTE = [
  'USER     CMD          PID   FD MOUNT      INUM MODE         SZ|DV R/W',
  '...Lots of lines...',
  'transmis transmission-daemon 22331 1007* internet stream tcp fffff80b62ac4000',
  'transmis transmission-daemon 22331 1008* internet stream tcp fffff809f3246000',
  'transmis transmission-daemon 22331 1009* internet stream tcp fffff801ebf8d820',
  'transmis transmission-daemon 22331 1015* internet stream tcp fffff8011f2e3410',
];

test("fstat's header is recognised, and the writer's `...Lots of lines...` is an elision", () => {
  assert.ok(isFstatHeader(PASTE[0]));
  assert.ok(!isFstatHeader('COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME'));
  assert.ok(fstat.detect({ head: PASTE, name: 'transcript.md', command: 'fstat' }) >= 0.9);
  assert.ok(isElision('...Lots of lines...') && isElision('… more rows …'));
  assert.ok(!isElision('...and then it crashed with a long explanation of what happened next in the log...'));
});

test('an fstat socket row is an fd of its pid: TCP, state unknown; the highest fd is kept', () => {
  const row = parseFstatRow(PASTE[2]);
  assert.deepEqual(row && { pid: row.pid, command: row.command, fd: row.fd, kind: row.kind, type: row.type }, {
    pid: 22331,
    command: 'transmission-daemon',
    fd: 1007,
    kind: 'socket-tcp',
    type: 'internet stream tcp',
  });
  const { artifact, warnings } = parseLines(fstat, PASTE);
  assert.deepEqual(warnings, []);
  assert.equal(artifact.tool, 'fstat');
  assert.equal(artifact.elided, true);
  const [h] = artifact.holders;
  assert.equal(h.pid, 22331);
  assert.equal(h.fds, 4);
  assert.equal(h.byKind['socket-tcp'], 4);
  assert.equal(h.closeWait, 0);
  assert.equal(h.maxFd, 1015);
});

test("rows that are no fds (text, wd, root) and a file's kind from its MODE", () => {
  const text = parseFstatRow('root     sshd        1234 text /       123456 -r-xr-xr-x   887992  r');
  assert.equal(text?.fd, undefined);
  assert.equal(parseFstatRow('root     sshd        1234    0 /dev        25 crw-rw-rw-     null  r')?.kind, 'device');
  assert.equal(parseFstatRow('root     syslogd      612    4* local dgram fffff80003fc0e00')?.kind, 'socket-unix');
  assert.equal(parseFstatRow('root     sshd        1234    5* pipe fffff8000c21a5d0 <-> fffff8000c21a730      0 rw')?.kind, 'pipe');
  assert.equal(parseFstatRow('not a row at all'), undefined);
});
