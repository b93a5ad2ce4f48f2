// A short `ls -al /proc/PID/fd` (accuracy round 86): `ls -la` prints the folder's own `.` and `..`
// rows, which are no fds. Real lines: DynamoRIO/dynamorio#2884, the fd folder of /bin/sleep run
// under drrun — four fds, the `.`/`..` rows a third of the listing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { procFd } from '../../src/sources/proc-fd.js';

const LISTING = [
  'total 0',
  'dr-x------ 2 root root  0 Mar 16 02:24 .',
  'dr-xr-xr-x 9 root root  0 Mar 16 02:24 ..',
  'lrwx------ 1 root root 64 Mar 16 02:24 0 -> /dev/pts/0',
  'lrwx------ 1 root root 64 Mar 16 02:24 1 -> /dev/pts/0',
  'lrwx------ 1 root root 64 Mar 16 02:24 2 -> /dev/pts/0',
  'lr-x------ 1 root root 64 Mar 16 02:24 3 -> /bin/sleep',
];

test("a short ls -al of an fd folder is read: its `.` and `..` rows are the folder's, no fds", () => {
  assert.ok(procFd.detect({ head: LISTING, name: 'transcript.md', command: 'cd /proc/18771/fd && ls -al' }) >= 0.9);
  // Rows of other folders are still no fd listing.
  assert.equal(
    procFd.detect({
      head: [
        'total 8',
        'drwxr-xr-x 2 root root 4096 Mar 16 02:24 .',
        'drwxr-xr-x 9 root root 4096 Mar 16 02:24 ..',
        '-rw-r--r-- 1 root root 12 Mar 16 02:24 a.txt',
      ],
      name: 'transcript.md',
      command: 'ls -al',
    }),
    0,
  );
});
