// An excerpt of an fd listing of a named process holding 50 fds or more, most of the fds it shows
// `socket:[N]` links: a candidate of kind `other` (socket-links-excerpt), never a leak on its own or
// beside running out — a busy server's table looks the same. Real lines: Tribler/tribler#3014
// (test/accuracy/cases/gh-tribler-3014-proc-fd-loop-socket-links), a loop of `ls -l` trimmed to
// `N -> target`: 41 socket links of 46 fds shown, fds up to 139.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const TRIBLER: string[] = [
  'quinten@quinten-VirtualBox:~$ for i in `ps -ef | awk \'$8=="python2.7" {print "/proc/"$2"/fd"}\'`; do echo "$i:"; ls -l $i | grep ^l | grep -o "[0-9]\\+ ->.*"; done',
  '/proc/19432/fd:',
  '0 -> /dev/pts/0',
  '1 -> /dev/pts/0',
  '10 -> anon_inode:[eventfd]',
  '100 -> socket:[48543]',
  '101 -> socket:[49422]',
  '102 -> socket:[49453]',
  '103 -> socket:[49455]',
  '104 -> socket:[49457]',
  '105 -> socket:[49459]',
  '106 -> socket:[47710]',
  '107 -> socket:[47711]',
  '108 -> socket:[47712]',
  '109 -> socket:[47713]',
  '11 -> socket:[47611]',
  '110 -> socket:[47714]',
  '111 -> socket:[47715]',
  '112 -> socket:[47716]',
  '113 -> socket:[47717]',
  '114 -> socket:[47718]',
  '115 -> socket:[47719]',
  '116 -> socket:[47720]',
  '117 -> socket:[47721]',
  '118 -> socket:[47722]',
  '119 -> socket:[49479]',
  '12 -> anon_inode:[eventfd]',
  '120 -> socket:[49481]',
  '121 -> socket:[49483]',
  '122 -> socket:[46579]',
  '123 -> socket:[46580]',
  '124 -> socket:[46581]',
  '125 -> socket:[49488]',
  '126 -> socket:[48604]',
  '127 -> socket:[48889]',
  '128 -> socket:[48890]',
  '129 -> socket:[48891]',
  '13 -> anon_inode:[eventfd]',
  '130 -> socket:[48892]',
  '131 -> socket:[48893]',
  '132 -> socket:[48895]',
  '133 -> socket:[48896]',
  '134 -> socket:[48897]',
  '135 -> socket:[48898]',
  '136 -> socket:[48899]',
  '137 -> socket:[48903]',
  '138 -> socket:[48904]',
  '139 -> socket:[48920]',
];

test('an excerpt mostly of socket links names its process as a candidate of kind other', async () => {
  const r = await analyzeTranscript(TRIBLER, 'session.txt', now);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 19432);
  assert.equal(r.suspects[0]?.leak?.kind, 'other');
  assert.deepEqual(
    r.suspects[0]?.reasons.map((x) => x.signal),
    ['socket-links-excerpt'],
  );
});

test('beside the process saying it ran out, the socket links still make no leak', async () => {
  const r = await analyzeTranscript(
    // Tribler's own report of running out, from Tribler/tribler#3303, beside the listing.
    [
      ...TRIBLER,
      '',
      "RuntimeError: [Failure instance: Traceback: <type 'exceptions.IOError'>: [Errno 24] Too many open files: u'/home/dsk/.Tribler/peercache.txt'",
    ],
    'session.txt',
    now,
  );
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0]?.pid, 19432);
});

test('the same rows under no pid blame nobody', async () => {
  const rows = TRIBLER.filter((l) => !l.startsWith('quinten@') && !l.startsWith('/proc/'));
  const r = await analyzeTranscript(rows, 'session.txt', now);
  assert.equal(r.suspects.length, 0);
});

test('a listing too short to be of 50 fds says nothing of its sockets', async () => {
  const rows = TRIBLER.filter((l) => !/^1[0-3]\d -> /.test(l));
  const r = await analyzeTranscript(rows, 'session.txt', now);
  assert.equal(r.suspects.length, 0);
});
