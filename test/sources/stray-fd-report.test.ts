// LVM's report of the fds its tools were started with, in the shapes real threads paste it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strayFdReport } from '../../src/sources/stray-fd-report.js';
import { appLog } from '../../src/sources/app-log.js';
import { parseLines } from '../../src/sources/run.js';

const read = (line: string) => {
  const r = strayFdReport(line, 'f', 1);
  return r && { fd: r.fd, path: r.path, program: r.program, parentPid: r.parentPid, parentCommand: r.parentCommand };
};

test('LVM reports: at a prompt, in a grub run, in a boot-repair log, after a comment sign, inside a Python log of its stderr', () => {
  // https://github.com/jcs/sdorfehs/pull/68
  assert.deepEqual(read('File descriptor 4 (/dev/null) leaked on lvm invocation. Parent PID 470913: /bin/bash'), {
    fd: 4,
    path: '/dev/null',
    program: 'lvm',
    parentPid: 470913,
    parentCommand: '/bin/bash',
  });
  // boot-repair's "StdErr Messages" (pastebin reports): a script's process substitution and its `< /proc/N/mounts` loop.
  assert.deepEqual(read('File descriptor 63 (pipe:[30340]) leaked on lvs invocation. Parent PID 14800: bash'), {
    fd: 63,
    path: 'pipe:[30340]',
    program: 'lvs',
    parentPid: 14800,
    parentCommand: 'bash',
  });
  assert.equal(read('File descriptor 9 (/proc/2260/mounts) leaked on lvs invocation. Parent PID 14800: bash')?.path, '/proc/2260/mounts');
  // update-grub: grub-probe runs vgs.
  assert.deepEqual(read('File descriptor 56 (/dev/pts/12) leaked on vgs invocation. Parent PID 23929: /usr/sbin/grub-probe'), {
    fd: 56,
    path: '/dev/pts/12',
    program: 'vgs',
    parentPid: 23929,
    parentCommand: '/usr/sbin/grub-probe',
  });
  assert.equal(
    read('# File descriptor 3 (pipe:[76230]) leaked on vgs invocation. Parent PID 13598: grub2-probe')?.parentCommand,
    'grub2-probe',
  );
  // cinder-volume's log of lvcreate's stderr: the parent's name stops at the escaped newline.
  assert.deepEqual(
    read(
      "oslo_messaging.rpc.server Stderr: u'File descriptor 20 (/dev/urandom) leaked on lvcreate invocation. Parent PID 769: /usr/bin/python2\\n  Thin pool cinder--volumes-cinder--volumes--pool-tpool (253:2) transaction_id is 91, while expected 92.\\n'",
    ),
    { fd: 20, path: '/dev/urandom', program: 'lvcreate', parentPid: 769, parentCommand: '/usr/bin/python2' },
  );
});

test('LVM reports: a path with blanks and parentheses, an empty path, a parent whose name it could not read', () => {
  assert.equal(
    read('File descriptor 7 (/var/log/app.log (deleted)) leaked on vgs invocation. Parent PID 4242: java')?.path,
    '/var/log/app.log (deleted)',
  );
  assert.equal(read('File descriptor 5 () leaked on pvs invocation. Parent PID 4242: sh')?.path, '');
  assert.deepEqual(read('File descriptor 5 (/dev/null) leaked on pvs invocation. Parent PID 4242: '), {
    fd: 5,
    path: '/dev/null',
    program: 'pvs',
    parentPid: 4242,
    parentCommand: undefined,
  });
});

test('not LVM reports: its other message, a line cut before the parent, prose about it', () => {
  assert.equal(read('Close failed on stray file descriptor 3 (/dev/null): Bad file descriptor Parent PID 1: init'), null);
  assert.equal(read('File descriptor 4 (/dev/null) leaked on lvm invocation.'), null);
  assert.equal(read('the File descriptor (fd) leaked on every invocation'), null);
});

test('a block of lvm output is read as a log of its reports, and says no timestamped records are missing', () => {
  const lines = [
    'File descriptor 4 (/dev/null) leaked on lvm invocation. Parent PID 470913: /bin/bash',
    '  WARNING: Running as a non-root user. Functionality may be unavailable.',
    'lvm> ^D',
  ];
  assert.ok(appLog.detect({ head: lines, name: 'transcript.md', command: 'lvm' }) >= 0.3);
  const { artifact, warnings } = parseLines(appLog, lines, { command: 'lvm' });
  assert.equal(artifact.strayFds?.total, 1);
  assert.equal(artifact.strayFds?.reports[0].ev.line, 1);
  assert.deepEqual(warnings, []);
});
