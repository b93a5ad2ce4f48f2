// lsof's listing piped through `uniq -c` (accuracy round 142, kata-containers/kata-containers#6455:
// `lsof -p 6845 | uniq -c` of virtiofsd): every line behind uniq's count, the header too. The count
// is taken off and the rows are read as lsof's; a block of such rows pasted on its own (its common
// indent taken off) is lsof's too, not a tally of words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uniqCountWidth } from '../../src/sources/lsof-header.js';
import { lsof, type LsofSink } from '../../src/sources/lsof.js';
import { countTable } from '../../src/sources/count-table.js';
import { parseLines } from '../../src/sources/run.js';

const LINES = [
  '      1 COMMAND    PID USER   FD      TYPE DEVICE   SIZE/OFF      NODE NAME                                                                               ',
  '      1 virtiofsd 6845 root  cwd       DIR   0,23         80 161175170 /                                                                                  ',
  '      1 virtiofsd 6845 root  txt       REG  259,1    4975608  96100728 /opt/kata/libexec/virtiofsd                                                        ',
  '      1 virtiofsd 6845 root    0r      CHR    1,3        0t0      2051 /dev/null',
  '      1 virtiofsd 6845 root   53u      DIR  0,286       4096  42992443 /bin',
  '      1 virtiofsd 6845 root   54u     LINK  0,286         12  43046086 /bin/sh',
  '      1 virtiofsd 6845 root  114u      DIR   0,23         40 161104873 /7833b503816d14a297dee0d75e789f11405f897fd4ff96bfe187fadb2d80e795 (deleted)',
];

test("uniq's count before a line is told by its width and the blank after it", () => {
  assert.equal(uniqCountWidth(LINES[0]), 8);
  assert.equal(uniqCountWidth('   1 virtiofsd 6845 root   53u      DIR  0,286       4096  42992443 /bin'), 5);
  assert.equal(uniqCountWidth('1 virtiofsd 6845 root   53u      DIR  0,286       4096  42992443 /bin'), 2);
  // lsof's own lines: a COMMAND, a pid of a table without its COMMAND column, a command named 3.
  assert.equal(uniqCountWidth('virtiofsd 6845 root   53u      DIR  0,286       4096  42992443 /bin'), 0);
  assert.equal(uniqCountWidth('12391    u0_a120   64w      REG              253,0     27916      33607 /data/x'), 0);
  assert.equal(uniqCountWidth('3       12215 root  cwd    DIR              0,126     4096     927459 /'), 0);
});

test('the listing behind the counts is read as lsof prints it', () => {
  assert.ok(lsof.detect({ head: LINES, command: 'lsof -p 6845 | uniq -c', name: 'transcript.md' }) >= 0.95);
  const { artifact, warnings } = parseLines(lsof, LINES);
  assert.deepEqual(warnings, []);
  assert.equal(artifact.hasHeader, true);
  assert.equal(artifact.holders.length, 1);
  const h = artifact.holders[0];
  assert.equal(h.pid, 6845);
  assert.equal(h.command, 'virtiofsd');
  assert.equal(h.maxFd, 114);
  assert.equal(h.deletedFiles, 1);
});

test('rows alone, their indent taken off, are lsof rows, not a tally', () => {
  const rows = LINES.slice(4).map((l) => l.slice(6));
  const head = { head: rows, name: 'transcript.md' };
  assert.ok(lsof.detect(head) > countTable.detect(head));
  const { artifact } = parseLines(lsof, rows);
  assert.equal(artifact.holders[0].pid, 6845);
  assert.equal(artifact.holders[0].maxFd, 114);
});

test('the byte path reads them as the string path does', () => {
  const sink = lsof.sink({ file: 'input.txt', warn: () => {} }) as LsofSink;
  const buf = Buffer.from(LINES.join('\n'));
  let from = 0;
  let n = 1;
  for (const l of LINES) {
    sink.bytes(buf, from, from + Buffer.byteLength(l), n++);
    from += Buffer.byteLength(l) + 1;
  }
  assert.deepEqual(JSON.parse(JSON.stringify(sink.end())), JSON.parse(JSON.stringify(parseLines(lsof, LINES).artifact)));
});

test("a listing of lsof's own lines is read as before", () => {
  const plain = LINES.map((l) => l.slice(8));
  const { artifact } = parseLines(lsof, plain);
  assert.equal(artifact.holders[0].maxFd, 114);
  assert.equal(artifact.rows, parseLines(lsof, LINES).artifact.rows);
});
