// An EMFILE line no join places goes to the only process whose fds the bundle shows: ss -p rows
// print each socket's fd (`users:(("R",pid=723105,fd=120))`), so the process they name is one whose
// fds are shown, as with an excerpt of its fd listing (jalvesaq/Vim-R#535).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { showsSocketFds } from '../../src/model/log-owners.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const analyzeText = (lines: string[]) => analyzeTranscript(lines, 'session.md', now);

const R_ERROR = [
  '```R',
  'Error in file(filename, "r", encoding = encoding) : ',
  '  cannot open the connection',
  'In addition: Warning message:',
  'In file(filename, "r", encoding = encoding) :',
  "  cannot open file '/dev/shm/Nvim-R-anas/Rsource-2096949': Too many open files",
  '```',
  '',
];
const SS_ROWS = [
  '```',
  'udp   ESTAB      0      0                                 127.0.0.1:35767                           127.0.0.1:10101 users:(("R",pid=723105,fd=65))             ',
  'udp   ESTAB      0      0                                 127.0.0.1:35785                           127.0.0.1:10101 users:(("R",pid=723105,fd=46))             ',
  'udp   ESTAB      0      0                                 127.0.0.1:52194                           127.0.0.1:10101 users:(("R",pid=723105,fd=120))            ',
  '```',
];

test('an unplaced EMFILE line is the only ss -p process’s, its sockets’ fds shown', async () => {
  const r = await analyzeText([...R_ERROR, ...SS_ROWS]);
  assert.equal(r.verdict, 'inconclusive', 'three UDP sockets are no pile: running out is not a leak');
  assert.equal(r.suspects[0]?.pid, 723105);
  assert.equal(r.suspects[0]?.leak?.kind, 'socket-udp');
  assert.match(r.suspects[0]?.ranOut?.message ?? '', /Rsource-2096949': Too many open files/);
  assert.equal(r.unownedRanOut, undefined);
});

test('the EMFILE line stays unowned beside the ss -p rows of two processes', async () => {
  const other = SS_ROWS[1].replace('"R",pid=723105,fd=65', '"Rterm",pid=800001,fd=7');
  const r = await analyzeText([...R_ERROR, SS_ROWS[0], other, ...SS_ROWS.slice(2)]);
  assert.equal(r.suspects.length, 0);
  assert.match(r.unownedRanOut?.message ?? '', /Too many open files/);
});

test('rows that print no fd (netstat -p) or were tied by a path show no fd of the process', () => {
  assert.equal(showsSocketFds({ connections: [] }), false);
  const row = { rows: 1, byState: {}, evidence: [], sockets: {}, socketEvidence: {}, file: 'ss.txt' } as never;
  assert.equal(showsSocketFds({ connections: [row] }), false);
  const withFd = { ...(row as object), maxFd: { fd: 120, ev: { file: 'ss.txt', line: 3, text: '' } } } as never;
  assert.equal(showsSocketFds({ connections: [withFd] }), true);
  const tied = { ...(withFd as object), tiedBy: 'bound to /run/x.sock' } as never;
  assert.equal(showsSocketFds({ connections: [tied] }), false);
});
