// `tree /proc/PID/fd`: each fd link behind tree's branch (accuracy round 252). Real lines of
// gmg137/netease-cloud-music-gtk#201 (an isahc HttpClient built per request: the CA bundle and
// sockets piling up), pasted without tree's root line; and of a blog's `tree -L 3 /proc/143645/fd`,
// root and report kept, a blank in a name escaped as `\ `.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PARSERS } from '../../src/sources/registry.js';
import { parseLines } from '../../src/sources/run.js';
import { procFd } from '../../src/sources/proc-fd.js';

const NETEASE = [
  '├── 0 -> /dev/pts/4',
  '├── 1 -> /dev/pts/4',
  '├── 10 -> anon_inode:[eventfd]',
  '├── 100 -> /etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '├── 101 -> /etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem',
  '├── 103 -> socket:[3394533]',
  '├── 11 -> socket:[3388116]',
  '├── 116 -> socket:[3394436]',
];

function best(head: string[]): string {
  const input = { head, name: 'transcript.md', command: undefined };
  return PARSERS.map((p) => ({ id: p.id, score: p.detect(input) })).sort((a, b) => b.score - a.score)[0].id;
}

test("tree's `├── fd -> target` rows are an fd folder's links, read by proc-fd", () => {
  assert.equal(best(NETEASE), 'proc-fd');
  const { artifact } = parseLines(procFd, NETEASE, { file: 'transcript.md' });
  assert.equal(artifact.rows, 8);
  assert.equal(artifact.hasHeader, false);
  const [h] = artifact.holders;
  assert.deepEqual(
    [...h.entries].map((e) => [e.fd, e.name]),
    [
      ['0', '/dev/pts/4'],
      ['1', '/dev/pts/4'],
      ['10', 'anon_inode:[eventfd]'],
      ['100', '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem'],
      ['101', '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem'],
      ['103', 'socket:[3394533]'],
      ['11', 'socket:[3388116]'],
      ['116', 'socket:[3394436]'],
    ],
  );
});

const BLOG = [
  '/proc/143645/fd',
  '├── 0 -> /dev/null',
  '├── 1 -> /home/hadoop/nohup.out\\ (deleted)',
  '├── 2 -> /home/hadoop/nohup.out\\ (deleted)',
  '└── 3 -> /home/hadoop/test.txt',
  '',
  '0 directories, 4 files',
];

test("tree's root names the pid, its report closes the listing, its `\\ ` is a blank", () => {
  assert.equal(best(BLOG), 'proc-fd');
  const { artifact } = parseLines(procFd, BLOG, { file: 'transcript.md' });
  assert.equal(artifact.rows, 4);
  assert.equal(artifact.hasHeader, true);
  const [h] = artifact.holders;
  assert.equal(h.pid, 143645);
  assert.deepEqual(
    [...h.entries].map((e) => [e.fd, e.name]),
    [
      ['0', '/dev/null'],
      ['1', '/home/hadoop/nohup.out (deleted)'],
      ['2', '/home/hadoop/nohup.out (deleted)'],
      ['3', '/home/hadoop/test.txt'],
    ],
  );
});

test('a tree of files that are no fd links is no fd listing', () => {
  const files = ['.', '├── src', '│   └── main.rs', '└── Cargo.toml', '', '1 directory, 2 files'];
  assert.equal(procFd.detect({ head: files, name: 'notes.md', command: undefined }), 0);
});
