// An lsof listing pasted without its COMMAND column (accuracy round 29, DataDog/dd-sdk-android#1039:
// an Android app's rows, the package name cut out): the header starts with PID, the rows with the pid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { continuesWithoutCommand, isHeader, lacksCommand } from '../../src/sources/lsof-header.js';
import { lsof, type LsofSink } from '../../src/sources/lsof.js';
import { parseLines } from '../../src/sources/run.js';

const HEADER = 'PID       USER   FD      TYPE             DEVICE  SIZE/OFF       NODE NAME';
const ROWS = [
  '12391    u0_a120   64w      REG              253,0     27916      33607 /data/data/com.example.android.dev/cache/dd-logs-v2/1663001677320 (deleted)',
  '12391    u0_a120  234w      REG              253,0     28652      33619 /data/data/com.example.android.dev/cache/dd-logs-v2/1663001682074 (deleted)',
  '12391    u0_a120  235w      REG              253,0     25403      33647 /data/data/com.example.android.dev/cache/dd-logs-v2/1663001691954',
];

test('a header that starts with PID is an lsof header without its COMMAND column', () => {
  assert.equal(isHeader(HEADER), true);
  assert.equal(lacksCommand(HEADER), true);
  assert.equal(isHeader('COMMAND     PID       USER   FD      TYPE             DEVICE  SIZE/OFF       NODE NAME'), true);
  assert.equal(lacksCommand('COMMAND     PID       USER   FD      TYPE             DEVICE  SIZE/OFF       NODE NAME'), false);
  // ps's header names no FD and TYPE.
  assert.equal(isHeader('PID TTY          TIME CMD'), false);
});

test('rows under it are read by the pid, user, fd, type and name, the command unknown', () => {
  assert.ok(lsof.detect({ head: ['lsof -p 12391 | grep "dd-log"', '', HEADER, ...ROWS], name: 'transcript.md' }) >= 0.9);
  const { artifact, warnings } = parseLines(lsof, [HEADER, ...ROWS]);
  assert.deepEqual(warnings, []);
  assert.equal(artifact.holders.length, 1);
  const h = artifact.holders[0];
  assert.equal(h.pid, 12391);
  assert.equal(h.command, '');
  assert.equal(h.user, 'u0_a120');
  assert.equal(h.deletedFiles, 2);
  assert.equal(h.maxFd, 235);
});

test('the byte path reads them as the string path does', () => {
  const sink = lsof.sink({ file: 'input.txt', warn: () => {} }) as LsofSink;
  const buf = Buffer.from([HEADER, ...ROWS].join('\n'));
  let from = 0;
  let n = 1;
  for (const l of [HEADER, ...ROWS]) {
    sink.bytes(buf, from, from + Buffer.byteLength(l), n++);
    from += Buffer.byteLength(l) + 1;
  }
  const bytes = sink.end();
  assert.deepEqual(JSON.parse(JSON.stringify(bytes)), JSON.parse(JSON.stringify(parseLines(lsof, [HEADER, ...ROWS]).artifact)));
});

test('a block of such rows with no command and no header goes on with the listing above', () => {
  const listing = ['', HEADER, ROWS[0]];
  const later = [
    '12391    u0_a120  282w      REG              253,0     28716      33632 /data/data/com.example.android.dev/cache/dd-logs-v2/1663001686837 (deleted)',
    '12391    u0_a120  287w      REG              253,0     25403      33647 /data/data/com.example.android.dev/cache/dd-logs-v2/1663001691954',
  ];
  assert.equal(continuesWithoutCommand(listing, later), true);
  // Another process's rows, a table of numbers, or a listing that kept its COMMAND column: no.
  assert.equal(continuesWithoutCommand(listing, [later[0].replace('12391', '4242')]), false);
  assert.equal(continuesWithoutCommand(listing, ['12391 17 3', '12392 18 4']), false);
  assert.equal(
    continuesWithoutCommand(['COMMAND     PID       USER   FD      TYPE             DEVICE  SIZE/OFF       NODE NAME'], later),
    false,
  );
});

// rsyslog/rsyslog#4442: `lsof | grep deleted` pasted as plain text, its first row opened with the
// backtick of an inline code span the reporter never closed.
test("a Markdown span's backtick before the first row is no part of the command's name", () => {
  const rows = [
    '`rsyslogd  27896                 root    5r      REG               0,18   4194304 1489719401 /run/log/journal/abf6c3e0a96f452ab2efd6c2d1a9c1e0/system@998e079441114f849bacfed0a1f33980-00000000000b7dca-',
    'rsyslogd  27896                 root    8r      REG               0,18   4194304 1466452755 /run/log/journal/abf6c3e0a96f452ab2efd6c2d1a9c1e0/system@998e079441114f849bacfed0a1f33980-00000000000b511b-0',
  ];
  const { artifact } = parseLines(lsof, rows);
  assert.equal(artifact.holders.length, 1);
  assert.equal(artifact.holders[0].command, 'rsyslogd');
});
