// lsof: the column fast path, the word fallback and the byte path must count the same rows the
// same way; the write-up's truncated `*516u` fds stay distinct; a cut last row is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureLines } from '../helpers.js';
import { lsof, type LsofSink } from '../../src/sources/lsof.js';
import { parseLines } from '../../src/sources/run.js';
import type { FdTableArtifact } from '../../src/sources/artifacts.js';

function viaBytes(lines: string[]): { artifact: FdTableArtifact; warnings: string[] } {
  const warnings: string[] = [];
  const sink = lsof.sink({ file: 'input.txt', warn: (_l, m) => warnings.push(m) }) as LsofSink;
  const buf = Buffer.from(lines.join('\n') + '\n');
  let from = 0;
  let n = 1;
  for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10, from)) {
    sink.bytes(buf, from, nl, n++);
    from = nl + 1;
  }
  return { artifact: sink.end(), warnings };
}

/** Without the header every row goes through the word-splitting path. */
function withoutHeader(lines: string[]): string[] {
  return lines.filter((l) => !l.startsWith('COMMAND'));
}

for (const variant of ['host-tid', 'python-leak-p-tasks', 'python-leak-p', 'host-no-tasks', 'python-leak-head-c']) {
  test(`lsof/${variant}: byte path equals string path`, () => {
    const lines = fixtureLines('sources', 'lsof', `${variant}.txt`);
    const strings = parseLines(lsof, lines);
    const bytes = viaBytes(lines);
    assert.deepEqual(JSON.parse(JSON.stringify(bytes.artifact)), JSON.parse(JSON.stringify(strings.artifact)));
    assert.deepEqual(
      bytes.warnings,
      strings.warnings.map((w) => w.message),
    );
  });
}

test('lsof: word path counts like the column path (host-tid without its header)', () => {
  const lines = fixtureLines('sources', 'lsof', 'host-tid.txt');
  const cols = parseLines(lsof, lines).artifact;
  const words = parseLines(lsof, withoutHeader(lines)).artifact;
  const counts = (a: FdTableArtifact) =>
    a.holders.map((h) => [h.pid, h.rows, h.fds, h.threadRows, h.otherRows, h.unidentifiedSockets, h.closeWait, h.deletedFiles, h.byKind]);
  assert.deepEqual(counts(words), counts(cols));
  assert.equal(words.hasHeader, false);
  assert.equal(words.hasTidColumn, true);
});

test('lsof: thread rows are rows, not fds', () => {
  const a = parseLines(lsof, fixtureLines('sources', 'lsof', 'python-leak-p-tasks.txt')).artifact;
  const h = a.holders[0];
  assert.equal(h.threadRows, 90); // 2 threads x 45 rows
  assert.equal(h.fds, 17);
  assert.equal(h.rows, h.fds + h.threadRows + h.otherRows);
  assert.equal(h.unidentifiedSockets, 6);
  assert.equal(h.closeWait, 3);
  assert.equal(h.deletedFiles, 1);
});

test("lsof: the write-up's *516u rows count as 18 distinct fds, the highest at least fd 10533", () => {
  const a = parseLines(lsof, fixtureLines('sources', 'lsof', 'writeup-25204.txt')).artifact;
  const h = a.holders[0];
  assert.equal(h.fds, 18);
  assert.equal(h.unidentifiedSockets, 18);
  assert.equal(h.maxFd, undefined);
  // `*533u` is fd 10533, 11533, ...: lsof prints fds from 10000 on as their last three digits.
  assert.equal(h.maxFdAtLeast, 10533);
  assert.equal(h.maxFdLine, 18);
  assert.equal(h.entries.fd(0), '*516');
});

test('lsof: a cut last row sets truncated; a short row in the middle is only a warning', () => {
  const lines = fixtureLines('sources', 'lsof', 'python-leak-head-c.txt');
  const cut = parseLines(lsof, lines);
  assert.equal(cut.artifact.truncated, true);
  const middle = parseLines(lsof, [...lines, lines[lines.length - 2]]);
  assert.equal(middle.artifact.truncated, false);
  assert.equal(middle.warnings.length, 1);
});

test('lsof: a UTF-8 command name shifts byte offsets; the row is still read', () => {
  const lines = fixtureLines('sources', 'lsof', 'python-leak-p.txt');
  const renamed = lines.map((l, i) => (i === 0 ? l : l.replace(/^python3 /, 'pythé3 ')));
  const bytes = viaBytes(renamed).artifact;
  assert.equal(bytes.holders[0].command, 'pythé3');
  assert.equal(bytes.holders[0].fds, 17);
});

test('lsof: lsof warnings at the top are not rows', () => {
  const r = parseLines(lsof, fixtureLines('sources', 'lsof', 'python-leak-b-warnings.txt'));
  assert.equal(r.artifact.holders[0].fds, 17);
  assert.equal(r.warnings.length, 1);
  assert.match(r.warnings[0].message, /may be incomplete/);
});

test('deleted files: their bytes are summed by columns and by words, an fd repeated by a thread once; offsets and overlong sizes are not bytes', () => {
  // lsof +L1 (an NLINK column) as https://github.com/wazuh/wazuh/issues/337 pasted it, without its header.
  const words = [
    'ossec-log 23865     root   10r   REG    8,3 7260675048     0  801130 /var/log/nginx/ssl_access.log-20180102 (deleted)',
    'ossec-log 23865     root   11r   REG    8,3  618190327     0  797096 /var/log/nginx/access.log-20180102 (deleted)',
    'ossec-log 23865     root   12r   REG    8,3        0t5     0  797097 /var/log/nginx/error.log-20180102 (deleted)',
    'ossec-log 23865     root   13r   REG    8,3 99999999999999999999 0 797098 /var/log/nginx/x.log (deleted)',
  ];
  const byWords = parseLines(lsof, words).artifact.holders[0];
  assert.equal(byWords.deletedFiles, 4);
  assert.equal(byWords.deletedBytes, 7260675048 + 618190327);
  const lines = fixtureLines('sources', 'lsof', 'python-leak-p-tasks.txt');
  const tasks = parseLines(lsof, lines).artifact.holders[0];
  assert.equal(tasks.deletedFiles, 1);
  assert.equal(tasks.deletedBytes, 70, 'the threads repeat fd 9: its 70 bytes count once');
  assert.equal(parseLines(lsof, withoutHeader(lines)).artifact.holders[0].deletedBytes, 70);
});

test('memfds: files of their own, not deleted files holding disk, by columns, by words and by bytes', () => {
  // lsof -n -P -p 26293 of the rust-thumbd-memfd-per-render case: one memfd per job, each named.
  const lines = [
    'COMMAND   PID USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME',
    'thumbd  26293 root    3w   REG  254,0     6605 3713708 /tmp/accn/rust-thumbd/thumbd.log',
    'thumbd  26293 root    4u   REG    0,1     2048 1476423 /memfd:thumb-1 (deleted)',
    'thumbd  26293 root    5u   REG    0,1     2048 1476424 /memfd:thumb-2 (deleted)',
    'ossec-log 23865     root   10r   REG    8,3 7260675048  801130 /var/log/nginx/ssl_access.log-20180102 (deleted)',
  ];
  for (const a of [parseLines(lsof, lines).artifact, parseLines(lsof, withoutHeader(lines)).artifact, viaBytes(lines).artifact]) {
    const [thumbd, ossec] = a.holders;
    assert.deepEqual([thumbd.byKind.file, thumbd.byKind['deleted-file'], thumbd.deletedFiles, thumbd.deletedBytes], [3, undefined, 0, 0]);
    assert.deepEqual([ossec.deletedFiles, ossec.deletedBytes], [1, 7260675048]);
  }
});

// blog-pchero21-cbapid-anon-inode-negative (http://pchero21.com/?p=3127): an old lsof names the
// type of an anonymous inode `0000`; its NAME says what it is.
test('lsof: old lsof TYPE 0000 rows are anonymous inodes when their NAME says so, other files else', () => {
  const rows = [
    'cbapid 5560 root 3u 0000 0,7 0 521 anon_inode',
    'cbapid 5560 root 5r 0000 0,11 0 271110595 eventpoll',
    'cbapid 5560 root 10r CHR 1,9 0t0 97762892 /dev/urandom',
    'cbapid 5560 root 12u 0000 0,7 0 522 some-driver-file',
  ];
  assert.ok(lsof.detect({ head: rows, name: 'transcript.md' }) >= 0.8);
  for (const { artifact } of [parseLines(lsof, rows), viaBytes(rows)]) {
    const h = artifact.holders[0];
    assert.equal(h.pid, 5560);
    assert.deepEqual(h.byKind, { anon: 2, device: 1, other: 1 });
  }
  // With a header the columns are read by position: the same kinds.
  const header = 'COMMAND PID USER   FD TYPE DEVICE SIZE/OFF      NODE NAME';
  const aligned = [
    'cbapid 5560 root    3u 0000    0,7        0       521 anon_inode',
    'cbapid 5560 root    5r 0000   0,11        0 271110595 eventpoll',
  ];
  assert.deepEqual(parseLines(lsof, [header, ...aligned]).artifact.holders[0].byKind, { anon: 2 });
});

// gh-moby-swarm-dockerd-netlink-fifo-window (moby/moby#28448): a `sock` row is kinded by the
// protocol its NAME gives: a netlink socket is in no TCP table by nature, not left unconnected.
test("lsof: a sock row's NAME protocol decides: NETLINK is another socket, TCP or none named is unconnected", () => {
  const rows = [
    'dockerd 3840 root  950u     sock                0,8      0t0   15324713 protocol: NETLINK',
    'dockerd 3840 root  951u     sock                0,8      0t0   15140146 protocol: NETLINK',
    "java    25204 nemo *516u  sock   0,6   0t0 215137625 can't identify protocol",
    'python3 9440 root    3u     sock     0,9      0t0   43315 protocol: TCP',
  ];
  for (const { artifact } of [parseLines(lsof, rows), viaBytes(rows)]) {
    const byPid = new Map(artifact.holders.map((h) => [h.pid, h]));
    assert.deepEqual(byPid.get(3840)?.byKind, { 'socket-other': 2 });
    assert.equal(byPid.get(3840)?.unidentifiedSockets, 0);
    assert.deepEqual(byPid.get(25204)?.byKind, { 'socket-unconnected': 1 });
    assert.deepEqual(byPid.get(9440)?.byKind, { 'socket-unconnected': 1 });
  }
});

// gh-gradle-daemon-git-pack-host-lsof-excerpt (gradle/gradle#27552): host-wide lsof rows pasted
// with the USER column blanked out.
test('lsof: a row whose USER was left blank is read, the fd right after the pid', () => {
  const rows = [
    'java      25956                   287r      REG               8,19   4885931 119538516 /src/.git/objects/pack/pack-3ab188d7695d3877e682c5dc06c8bf656991ff94.pack',
    'java      25956                   288r      REG               8,19   4885931 119538516 /src/.git/objects/pack/pack-3ab188d7695d3877e682c5dc06c8bf656991ff94.pack',
  ];
  assert.ok(lsof.detect({ head: rows, name: 'transcript.md', command: 'lsof | grep /src/' }) >= 0.8);
  for (const { artifact } of [parseLines(lsof, rows), viaBytes(rows)]) {
    const h = artifact.holders[0];
    assert.deepEqual([h.pid, h.command, h.user, h.fds, h.maxFd], [25956, 'java', undefined, 2, 288]);
    assert.deepEqual(h.byKind, { file: 2 });
  }
});
