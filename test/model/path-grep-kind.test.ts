// A suspect known only by running out takes the kind most of its listed fds are (docs/diagnosis.md,
// "Adding up a case"); rows a grep picked by a word of their own path — a folder, a project's name —
// are the files the reader looked for, so their kind is the candidate's, as a whole listing's is.
// Rows a grep picked by a kind's word (`| grep sock`) still say nothing of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

// apache/james-project#2173: the JVM (pid 1) in a container, its rows under /tmp.
const JAMES = [
  'I noticed some file descriptors for deleted files:',
  '',
  '```',
  '# lsof -p 1 | grep /tmp',
  'java      1 root  DEL       REG              0,144                   7 /tmp/libnetty_transport_native_epoll_x86_645311867425088058321.so',
  'java      1 root  DEL       REG              0,144                   6 /tmp/jffi8865510689510247619.so',
  'java      1 root  mem-W     REG              0,144     32768         5 /tmp/hsperfdata_root/1',
  'java      1 root  774u     unix 0x0000000000000000       0t0 621499767 /tmp/.java_pid1.tmp type=STREAM',
  'java      1 root  787w      REG              0,144   3022948        16 /tmp/imap-literal11264261390326828628.tmp',
  'java      1 root  934r      REG              0,144    280223         9 /tmp/DelegateCloseableByteSource1691427123218830736.tmp (deleted)',
  'java      1 root  936r      REG              0,144   3666705        11 /tmp/imap-literal9932103542018273411.tmp (deleted)',
  'java      1 root  976r      REG              0,144    207050        12 /tmp/imap-literal1300588447752359868.tmp (deleted)',
  'java      1 root 1021r      REG              0,144   3666705        11 /tmp/imap-literal9932103542018273411.tmp (deleted)',
  'java      1 root 1026r      REG              0,144    207050        12 /tmp/imap-literal1300588447752359868.tmp (deleted)',
  '```',
];

test('rows a grep picked by their folder (`lsof -p 1 | grep /tmp`) give the candidate their kind (apache-james)', async () => {
  const r = await analyzeTranscript(JAMES, 'transcript.md', now);
  assert.equal(r.verdict, 'inconclusive');
  assert.equal(r.suspects[0].pid, 1);
  assert.equal(r.suspects[0].leak.kind, 'deleted-file');
});

// gruntjs/grunt-contrib-watch#79: the watched folder on 8r, then on 8r and 9r after one save; the
// second grep is node's name, which picks the process, not rows.
const GRUNT = [
  '```',
  '> lsof | grep tiny.watch | grep node',
  'node       7543 snanceki  cwd      DIR                1,2        272 36290498 /Users/~~/tiny.watch',
  'node       7543 snanceki    8r     DIR                1,2        136 36290724 /Users/~~/tiny.watch/app',
  '> touch app/app.js',
  '> lsof | grep tiny.watch | grep node',
  'node       7543 snanceki  cwd      DIR                1,2        272 36290498 /Users/~~/tiny.watch',
  'node       7543 snanceki    8r     DIR                1,2        136 36290724 /Users/~~/tiny.watch/app',
  'node       7543 snanceki    9r     DIR                1,2        136 36290724 /Users/~~/tiny.watch/app',
  '```',
  '',
  "`Fatal error: EMFILE, readdir 'app/account'`",
];

test("rows a grep picked by the project's path are folders it opened: `file` (grunt-contrib-watch)", async () => {
  const r = await analyzeTranscript(GRUNT, 'transcript.md', now);
  assert.equal(r.suspects[0]?.pid, 7543);
  assert.equal(r.suspects[0].leak.kind, 'file');
});

test("rows a grep picked by a kind's word say nothing of what fills the table: still `other`", async () => {
  const rows = JAMES.map((l) => l.replace('# lsof -p 1 | grep /tmp', '# lsof -p 1 | grep REG'));
  const r = await analyzeTranscript(
    rows.filter((l) => !l.includes(' unix ')),
    'transcript.md',
    now,
  );
  assert.equal(r.suspects[0]?.pid, 1);
  assert.equal(r.suspects[0].leak.kind, 'other');
});
