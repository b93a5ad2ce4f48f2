// A listing piped into `| head -N` that printed fewer lines than N was not cut: head kept every line
// (round 196's cached server: `ls -l /proc/32071/fd | head -20` printed `total 0` and six rows, and
// its count is 6 three times). A head that printed N lines, or a grep before it, still cuts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutKeptAll, fdsFromZero, finalCutLines } from '../../src/model/short-cut.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const LISTING = [
  'total 0',
  'lr-x------ 1 root root 64 Dec  7 10:50 0 -> /dev/null',
  'l-wx------ 1 root root 64 Dec  7 10:50 1 -> /dev/null',
  'l-wx------ 1 root root 64 Dec  7 10:50 2 -> /dev/null',
  'l-wx------ 1 root root 64 Dec  7 10:50 3 -> /tmp/acc196/cached.log',
  'lrwx------ 1 root root 64 Dec  7 10:50 4 -> /tmp/acc196/cached.db',
  'lrwx------ 1 root root 64 Dec  7 10:50 5 -> socket:[11093917]',
];

const paste = (command: string) =>
  [
    '```',
    `$ ${command}`,
    ...LISTING,
    '$ ls /proc/32071/fd | wc -l',
    '6',
    '$ ls /proc/32071/fd | wc -l',
    '6',
    '$ ls /proc/32071/fd | wc -l',
    '6',
    "$ grep 'open files' /proc/32071/limits",
    'Max open files            20000                20000                files     ',
    '```',
    '',
  ].join('\n');

test('the line count a final head or tail keeps', () => {
  assert.equal(finalCutLines('ls -l /proc/1/fd | head -20'), 20);
  assert.equal(finalCutLines('ls -l /proc/1/fd | head -n 20'), 20);
  assert.equal(finalCutLines('ls -l /proc/1/fd | head -n20'), 20);
  assert.equal(finalCutLines('lsof -p 1 | tail --lines=5'), 5);
  assert.equal(finalCutLines('lsof -p 1 | head'), 10);
  assert.equal(finalCutLines('lsof -p 1 | grep REG | head -20'), undefined);
  assert.equal(finalCutLines('lsof -p 1 | head -c 200'), undefined);
  assert.equal(finalCutLines('lsof -p 1 | tail -n +2'), undefined);
  assert.equal(finalCutLines('ls -l /proc/1/fd'), undefined);
});

test('a cut keeps every line only with room to spare for lines that are no row', () => {
  assert.equal(cutKeptAll('ls -l /proc/1/fd | head -20', 6, true), true);
  assert.equal(cutKeptAll('ls -l /proc/1/fd | head -20', 17, true), false); // ls -la's . and .. may make 20
  assert.equal(cutKeptAll('ls -l /proc/1/fd | head -20', 19, true), false);
  assert.equal(cutKeptAll(undefined, 1, true), false);
});

test("cached's `| head -20` of six fds, counted 6 three times under 20,000: whole, no-leak", async () => {
  const result = await analyzeTranscript(paste('ls -l /proc/32071/fd | head -20'), 'transcript.md', now);
  assert.equal(result.verdict, 'no-leak');
  assert.equal(result.suspects.length, 0);
});

test('the same rows under `| head -7` may have been cut: not health', async () => {
  const result = await analyzeTranscript(paste('ls -l /proc/32071/fd | head -7'), 'transcript.md', now);
  assert.notEqual(result.verdict, 'no-leak');
});

test('the rows must be every fd from 0 to the highest: a paste may stop before head did', () => {
  assert.equal(fdsFromZero([0, 1, 2, 3, 4, 5]), true);
  assert.equal(fdsFromZero([0, 1, 10, 100, 1000]), false); // rsyslog's text-order head, cut inside fd 1000's row
  assert.equal(fdsFromZero([152, 153]), false); // mha4mysql's rows after its `(...)`
  assert.equal(fdsFromZero([0, 1, 1]), false);
  assert.equal(fdsFromZero([]), false);
});

test('a head that printed fewer lines than it keeps, but whose rows skip fds, stays an excerpt', async () => {
  const text = paste('ls -l /proc/32071/fd | head -20').replace(/^.* 4 -> .*\n/m, '');
  const result = await analyzeTranscript(text, 'transcript.md', now);
  assert.notEqual(result.verdict, 'no-leak');
});
