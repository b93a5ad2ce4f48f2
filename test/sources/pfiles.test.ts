// Solaris/illumos pfiles(1) output (accuracy round 247): real entries from oshi/oshi#2453, a
// WebLogic server's fd 1618 on /dev/kstat pasted without the line naming the process, and from
// golang/go#42463, the illumos builder's child listing its own fds under `943395:` and its rlimit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePfilesEntry, parsePfilesProcess, pfiles } from '../../src/sources/pfiles.js';
import { UNNAMED_PID } from '../../src/sources/artifacts.js';
import { parseLines } from '../../src/sources/run.js';

const WEBLOGIC = [
  '1618: S_IFCHR mode:0666 dev:16377,7 ino:592460283 uid:0 gid:3 rdev:131,0',
  '      O_RDONLY|O_LARGEFILE FD_CLOEXEC',
  '      /dev/kstat',
  '      offset:0',
];

const ILLUMOS = [
  '        leaked parent file. fd = 5; want 4',
  '        943395:\t/var/tmp/workdir-host-illumos-amd64-jclulow/tmp/TestExtraFiles30452030',
  '          Current rlimit: 65536 file descriptors',
  '           0: S_IFCHR mode:0666 dev:574,63 ino:698458753 uid:0 gid:3 rdev:38,2',
  '              O_RDONLY|O_LARGEFILE',
  '              /dev/null',
  '              offset:0',
  '           1: S_IFIFO mode:0000 dev:571,0 ino:277563782 uid:84001 gid:84001 rdev:0,0',
  '              O_RDWR',
  '           5: S_IFREG mode:0755 dev:90,65612 ino:225339 uid:84001 gid:84001 size:2273603',
  '              O_RDONLY|O_LARGEFILE FD_CLOEXEC',
  '              /var/tmp/workdir-host-illumos-amd64-jclulow/tmp/TestExtraFiles304520309/001/read3.exe',
  '              offset:0',
  '           6: S_IFPORT mode:0000 dev:585,0 uid:84001 gid:84001 size:0',
];

test("a pfiles entry's first line gives its fd and kind; the process line its pid", () => {
  assert.deepEqual(parsePfilesEntry(WEBLOGIC[0]), { fd: 1618, kind: 'device', type: 'S_IFCHR' });
  assert.deepEqual(parsePfilesEntry(ILLUMOS[7]), { fd: 1, kind: 'pipe', type: 'S_IFIFO' });
  assert.deepEqual(parsePfilesEntry(ILLUMOS[13]), { fd: 6, kind: 'anon', type: 'S_IFPORT' });
  assert.equal(parsePfilesEntry('      /dev/kstat'), undefined);
  assert.deepEqual(parsePfilesProcess(ILLUMOS[1]), { pid: 943395, command: 'TestExtraFiles30452030' });
  assert.equal(parsePfilesProcess('12:00:03 starting'), undefined);
  assert.ok(pfiles.detect({ head: WEBLOGIC, name: 'transcript.md' }) >= 0.9);
  assert.equal(pfiles.detect({ head: ['COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME'], name: 'x' }), 0);
});

test('an entry without the line naming its process is an fd of an unnamed process, its path kept', () => {
  const { artifact, warnings } = parseLines(pfiles, WEBLOGIC);
  assert.deepEqual(warnings, []);
  assert.equal(artifact.tool, 'pfiles');
  assert.equal(artifact.rows, 1);
  const [h] = artifact.holders;
  assert.equal(h.pid, UNNAMED_PID);
  assert.equal(h.fds, 1);
  assert.equal(h.maxFd, 1618);
  assert.deepEqual(
    [...h.entries].map((e) => [e.fd, e.kind, e.name]),
    [['1618', 'device', '/dev/kstat']],
  );
});

test("the illumos child's own pfiles: its pid, four fds, and the leak checker's words over them", () => {
  const { artifact, warnings } = parseLines(pfiles, ILLUMOS);
  assert.deepEqual(warnings, []);
  assert.equal(artifact.hasHeader, true);
  const [h] = artifact.holders;
  assert.equal(h.pid, 943395);
  assert.equal(h.fds, 4);
  assert.deepEqual(
    [...h.entries].map((e) => [e.fd, e.kind, e.name]),
    [
      ['0', 'device', '/dev/null'],
      ['1', 'pipe', ''],
      ['5', 'file', '/var/tmp/workdir-host-illumos-amd64-jclulow/tmp/TestExtraFiles304520309/001/read3.exe'],
      ['6', 'anon', ''],
    ],
  );
  assert.equal(artifact.leakChecks?.count, 1);
});
