// busybox's lsof, as embedded boards print it (accuracy round 29). The older applet prints
// `pid<TAB>exe<TAB>link`, no fd number; real rows from OpenCCU/OpenCCU#1322 (a RaspberryMatic
// CCU's `lsof`). The newer one adds the fd (`1  /usr/local/bin/wiring  98  anon_inode:[pidfd]`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { procFd } from '../../src/sources/proc-fd.js';
import { parseLines } from '../../src/sources/run.js';

const ROWS = [
  '571\t/usr/sbin/ifplugd\t/dev/null',
  '571\t/usr/sbin/ifplugd\t/dev/null',
  '571\t/usr/sbin/ifplugd\tsocket:[12413]',
  '571\t/usr/sbin/ifplugd\tpipe:[12414]',
  '571\t/usr/sbin/ifplugd\tpipe:[12414]',
  '571\t/usr/sbin/ifplugd\tsocket:[12415]',
  '582\t/usr/sbin/chronyd\t/dev/null',
  '582\t/usr/sbin/chronyd\t/dev/null',
  '582\t/usr/sbin/chronyd\t/dev/null',
  '582\t/usr/sbin/chronyd\tsocket:[13415]',
  '798\t/bin/multimacd\t/dev/raw-uart',
  '798\t/bin/multimacd\t/dev/eq3loop',
];

test('older busybox lsof rows (pid, exe, link) are each an fd of that pid, its number unknown', () => {
  assert.ok(procFd.detect({ head: ROWS, name: 'transcript.md', command: 'lsof' }) >= 0.9);
  const { artifact, warnings } = parseLines(procFd, ROWS);
  assert.deepEqual(warnings, []);
  const byPid = new Map(artifact.holders.map((h) => [h.pid, h]));
  assert.deepEqual([...byPid.keys()], [571, 582, 798]);
  const ifplugd = byPid.get(571)!;
  assert.equal(ifplugd.command, 'ifplugd');
  assert.equal(ifplugd.fds, 6);
  assert.equal(ifplugd.byKind.pipe, 2);
  assert.equal(ifplugd.maxFd, undefined);
  assert.equal(byPid.get(582)!.fds, 4);
});

test('the same rows as the page shows them (tabs turned into blanks) read alike; the newer format keeps its fd', () => {
  const spaced = ['571     /usr/sbin/ifplugd       pipe:[12414]', '683     /bin/eq3configd /dev/null'];
  const { artifact } = parseLines(procFd, spaced);
  assert.deepEqual(
    artifact.holders.map((h) => [h.pid, h.command, h.fds]),
    [
      [571, 'ifplugd', 1],
      [683, 'eq3configd', 1],
    ],
  );
  const newer = parseLines(procFd, ['1       /usr/local/bin/wiring   98      anon_inode:[pidfd]']).artifact.holders[0];
  assert.equal(newer.maxFd, 98);
});

test('`pid path path` lines with no link only an fd has are not taken for busybox lsof (ps -eo pid,args)', () => {
  assert.equal(
    procFd.detect({ head: ['1234 /usr/bin/python3 /opt/app/main.py', '1240 /usr/sbin/nginx /etc/nginx.conf'], name: 'x.txt' }),
    0,
  );
});

// nfs-ganesha/nfs-ganesha#1047 (accuracy round 94): `lsof |grep file` in ganesha's container, every
// row a plain file of the export — no link only an fd has, but the command that printed them is lsof.
const GANESHA = [
  '22316   /usr/bin/ganesha.nfsd   /data/1Gfile',
  '22316   /usr/bin/ganesha.nfsd   /data/5Gfile',
  '22316   /usr/bin/ganesha.nfsd   /data/6Gfile (deleted)',
  '22316   /usr/bin/ganesha.nfsd   /data/10Gfile (deleted)',
  'You have new mail in /var/spool/mail/root',
];

test('older busybox lsof rows of plain files are fds when the command is lsof, not when it is something else', () => {
  assert.ok(procFd.detect({ head: GANESHA, name: 'transcript.md', command: 'lsof |grep file' }) >= 0.9);
  assert.equal(procFd.detect({ head: GANESHA, name: 'transcript.md', command: 'ps -eo pid,args' }), 0);
  assert.equal(procFd.detect({ head: GANESHA, name: 'transcript.md' }), 0);
  const { artifact } = parseLines(procFd, GANESHA);
  const [ganesha] = artifact.holders;
  assert.equal(ganesha.pid, 22316);
  assert.equal(ganesha.command, 'ganesha.nfsd');
  assert.equal(ganesha.fds, 4);
  assert.equal(ganesha.byKind['deleted-file'] ?? 0, 2);
});
