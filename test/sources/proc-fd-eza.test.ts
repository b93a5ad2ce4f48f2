// eza's long view of an fd folder (accuracy round 90): desktops alias `ls` to eza, which prints a
// link's mode, size and owner — no link count, no group, no `total` line. Real lines:
// alacritty/alacritty#8249, `ls -la /proc/self/fd` in a shell alacritty started.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { procFd } from '../../src/sources/proc-fd.js';

const LISTING = [
  'lrwx------ 64 user 16 Oct 21:43  0 -> /dev/pts/4',
  'lrwx------ 64 user 16 Oct 21:43  1 -> /dev/pts/4',
  'lrwx------ 64 user 16 Oct 21:43  2 -> /dev/pts/4',
  'lr-x------ 64 user 16 Oct 21:43  15 -> pipe:[150277]',
  'l-wx------ 64 user 16 Oct 21:43  16 -> pipe:[150277]',
  'lr-x------ 64 user 16 Oct 21:43  19 -> pipe:[150280]',
  'l-wx------ 64 user 16 Oct 21:43  20 -> pipe:[150280]',
];

test("eza's rows of an fd folder are fd links: mode, size, owner, date, fd -> target", () => {
  const input = { head: LISTING, name: 'transcript.md', command: 'ls -la /proc/4242/fd' };
  const best = PARSERS.map((p) => ({ id: p.id, score: p.detect(input) })).sort((a, b) => b.score - a.score)[0];
  assert.equal(best.id, 'proc-fd');
  const { artifact } = parseLines(procFd, LISTING, { file: 'transcript.md', command: 'ls -la /proc/4242/fd' });
  const h = artifact.holders.find((x) => x.pid === 4242);
  assert.ok(h);
  const entries = [...h.entries];
  assert.deepEqual(
    entries.map((e) => [e.fd, e.name]),
    [
      ['0', '/dev/pts/4'],
      ['1', '/dev/pts/4'],
      ['2', '/dev/pts/4'],
      ['15', 'pipe:[150277]'],
      ['16', 'pipe:[150277]'],
      ['19', 'pipe:[150280]'],
      ['20', 'pipe:[150280]'],
    ],
  );
  assert.equal(h.user, 'user');
  // eza prints no `total` line: its listing is not taken for a cut one for lacking it.
  assert.equal(artifact.hasHeader, true);
});

test('an ls -l row still reads its owner after the link count, and a non-link eza row is none', () => {
  const { artifact } = parseLines(procFd, ['lrwx------ 1 root root 64 Nov 25 18:58 3 -> socket:[22230]'], {
    file: 'x.txt',
    command: 'ls -l /proc/9/fd',
  });
  assert.equal(artifact.holders[0].user, 'root');
  assert.equal(artifact.hasHeader, false);
  assert.equal(procFd.detect({ head: ['lrwxrwxrwx 7 root 12 Jan 12:00 bin -> usr/bin'], name: 'x.txt' }), 0);
});
