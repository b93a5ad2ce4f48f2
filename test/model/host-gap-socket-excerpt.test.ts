// `ss -s` says the host holds 601 TCP sockets in no table; the one process pasted shows only the tail
// of its fd listing, five `socket:[N]` links (fds 95-99, ls's text order: its higher fds off-screen).
// The gap may be its sockets: a pointer at it, not a leak, and never no-leak (round 196's beacon,
// test/accuracy/cases/py-beacon-ss-s-closed-601-fd-tail-socket-links).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');

const SS_S = [
  '$ ss -s',
  'Total: 742',
  'TCP:   605 (estab 2, closed 601, orphaned 0, timewait 1)',
  '',
  'Transport Total     IP        IPv6',
  'RAW\t  0         0         0        ',
  'UDP\t  0         0         0        ',
  'TCP\t  4         4         0        ',
  'INET\t  4         4         0        ',
  'FRAG\t  0         0         0        ',
  '',
];
const TAIL = [
  '$ ls -l /proc/29722/fd | tail -5',
  'lrwx------ 1 root root 64 Dec  7 10:50 95 -> socket:[11083254]',
  'lrwx------ 1 root root 64 Dec  7 10:50 96 -> socket:[11083255]',
  'lrwx------ 1 root root 64 Dec  7 10:50 97 -> socket:[11083256]',
  'lrwx------ 1 root root 64 Dec  7 10:50 98 -> socket:[11083257]',
  'lrwx------ 1 root root 64 Dec  7 10:50 99 -> socket:[11083258]',
];
const paste = (lines: string[]) => ['```', ...lines, '```', ''].join('\n');

test("the host's gap beside a tail of socket links names the process, inconclusive", async () => {
  const result = await analyzeTranscript(paste([...SS_S, ...TAIL]), 'transcript.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0].pid, 29722);
  assert.equal(result.suspects[0].leak.kind, 'socket-unconnected');
});

test('without the gap the tail alone names nobody', async () => {
  const result = await analyzeTranscript(paste(TAIL), 'transcript.md', now);
  assert.ok(!result.suspects.some((s) => s.pid === 29722 && s.leak.kind === 'socket-unconnected'));
});

test('two socket links in the tail are too few to point', async () => {
  const tail = [
    TAIL[0],
    TAIL[1].replace('socket:[11083254]', '/var/log/beacon.log'),
    TAIL[2].replace('socket:[11083255]', '/dev/null'),
    TAIL[3].replace('socket:[11083256]', 'pipe:[5]'),
    TAIL[4],
    TAIL[5],
  ];
  const result = await analyzeTranscript(paste([...SS_S, ...tail]), 'transcript.md', now);
  assert.ok(!result.suspects.some((s) => s.pid === 29722));
});
