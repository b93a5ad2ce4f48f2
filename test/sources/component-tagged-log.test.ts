// A daemon's own log whose lines open with its components' tags, no time, no level of their own
// (src/sources/app-log.ts componentTagged). Real lines: Cisco-Talos/clamav-faq#139
// (test/accuracy/cases/gh-clamonacc-faq139-lsof-tail-unix-sock-fd-1016).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { componentTagged } from '../../src/sources/ran-out-shapes.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const CLAMONACC = [
  'ClamFanotif: internal error (failed to read data) ... Too many open files',
  'ClamFanotif: waiting for consumer thread to catch up then retrying ...',
  "ClamWorker: performing scanning on file ''",
  "ERROR: ClamClient: could not establish connection, Couldn't connect to server",
  'ClamMisc: $/proc/22824 vanished before UIDs could be excluded; scanning anyway',
  'ClamFanotif: attempting to feed consumer queue',
  'ClamFanotif: internal error (failed to read data) ... Too many open files',
  'ClamFanotif: waiting for consumer thread to catch up then retrying ...',
  "ClamWorker: performing scanning on file ''",
  "ERROR: ClamClient: could not establish connection, Couldn't connect to server",
];

test('component-tagged lines are a log; level words, acronyms and lone tags are not', () => {
  assert.equal(componentTagged(CLAMONACC), true);
  assert.equal(componentTagged(CLAMONACC.slice(0, 2)), false);
  assert.equal(componentTagged(['ERROR: x', 'ERROR: y', 'ERROR: too many open files']), false);
  assert.equal(componentTagged(['TCP:   14 (estab 5)', 'TCP:   15', 'UDP:   3']), false);
  assert.equal(componentTagged(['Alpha: a', 'Beta: b', 'Gamma: too many open files']), false);
});

test('clamav-faq#139: the clamonacc log beside lsof -p 19914 | tail is pid 19914 running out', async () => {
  const lsof = [
    '$ lsof -p 19914 | tail ',
    'clamonacc 19914 root 1014u     sock                0,9      0t0 160537056 protocol: UNIX',
    'clamonacc 19914 root 1015u     sock                0,9      0t0 160531432 protocol: UNIX',
    'clamonacc 19914 root 1016u     sock                0,9      0t0 160531433 protocol: UNIX',
  ];
  const text = ['```bash', ...CLAMONACC, '```', '', '```bash', ...lsof, '```', ''].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'), { folder: true });
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, 19914);
  assert.match(result.suspects[0]?.ranOut?.message ?? '', /ClamFanotif: internal error .* Too many open files/);
});
