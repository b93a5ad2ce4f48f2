// A `uniq -c` tally row set in bold by its writer (accuracy round 192), the thread's real lines:
// OpenSIPS/opensips#3830, an unfenced `lsof -p 2378548 | awk '{print $5}' | sort | uniq -c | sort -nr`
// whose first row the writer bolded, `**818 sock** `, above `132 FIFO ` and `68 unix`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withEmphasizedTallyRows } from '../../src/bundle/code-spans.js';
import { countsPerKey } from '../../src/bundle/known-commands.js';
import { splitTranscript } from '../../src/bundle/transcript.js';

const PASTE = [
  '- gradual file descriptor exhaustion (EMFILE / "Too many open files")',
  "lsof -p 2378548 | awk '{print $5}' | sort | uniq -c | sort -nr ",
  '**818 sock** ',
  '132 FIFO ',
  '68 unix',
];

test('a bolded row right under a uniq -c command reads as the row', () => {
  const out = withEmphasizedTallyRows(PASTE, (l) => l);
  assert.equal(out[2], '818 sock');
  assert.deepEqual(out.slice(3), ['132 FIFO ', '68 unix']);
});

test('the transcript reads the three rows as the tally command output', () => {
  const items = splitTranscript(PASTE);
  const tally = items.find((i) => i.command?.includes('uniq -c'));
  assert.deepEqual(
    tally?.output.map((o) => o.text.trim()),
    ['818 sock', '132 FIFO', '68 unix'],
  );
});

test('bold lines elsewhere are left as they are', () => {
  // Not under a uniq -c: a list's bold words stay.
  assert.deepEqual(
    withEmphasizedTallyRows(['ls -l', '**818 sock**'], (l) => l),
    ['ls -l', '**818 sock**'],
  );
  // Past the run of rows: prose in bold after a blank line stays.
  const lines = ['x | sort | uniq -c', '5 a', '', '**3 notes**'];
  assert.equal(withEmphasizedTallyRows(lines, (l) => l)[3], '**3 notes**');
  // A row whose key holds an underscore (`a_inode`) is read whole.
  assert.equal(withEmphasizedTallyRows(['lsof -p 1 | sort | uniq -c', '**12 a_inode**'], (l) => l)[1], '12 a_inode');
});

test('countsPerKey finds a uniq -c stage of a pipeline', () => {
  assert.ok(countsPerKey("lsof -p 2378548 | awk '{print $5}' | sort | uniq -c | sort -nr"));
  assert.ok(countsPerKey('cut -d" " -f1 x | /usr/bin/uniq -dc'));
  assert.ok(countsPerKey('sort | uniq --count'));
  assert.ok(!countsPerKey('sort | uniq'));
  assert.ok(!countsPerKey('lsof -p 1 | wc -l'));
});

test("a syslog record cut before its tag, OpenSIPS's strerror with its errno after it, is a bare log record", async () => {
  const { bareLogRecord } = await import('../../src/bundle/code-spans.js');
  assert.ok(
    bareLogRecord('/sbin/opensips[2378548]: ERROR:rtpproxy:rtpproxy_io_new_callback: socket accept failed: Too many open files(24)'),
  );
  // The same path-led line of another error, or prose ending on the error, is none.
  assert.ok(!bareLogRecord('/sbin/opensips[2488108]: ERROR:core:fm_malloc: not enough free pkg memory (0 bytes left, need 16)'));
  assert.ok(!bareLogRecord('/tmp was full, so we got: Too many open files(24) again.'));
});

test('the paragraph under the tally is read as its log record', () => {
  const items = splitTranscript([
    ...PASTE,
    '',
    '- eventual crashes or service degradation',
    '- a lot of logs generated, leading to full disk usage',
    '/sbin/opensips[2378548]: ERROR:rtpproxy:rtpproxy_io_new_callback: socket accept failed: Too many open files(24)',
  ]);
  assert.ok(items.some((i) => i.output.some((o) => o.text.startsWith('/sbin/opensips[2378548]: ERROR:rtpproxy'))));
});
