// A script's own count lines that happen to read `WORD N WORD, N IPv6` are no lsof rows: lsof's USER
// is a login name or a uid, never with a comma (src/sources/lsof.ts ROW). Real lines: nft-blacklist's
// output in leshniak/nft-blacklist#2 (test/accuracy/cases/gh-nft-blacklist-2-nft-set-enfile-not-fd).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lsof } from '../../src/sources/lsof.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const detect = (head: string[]) => lsof.detect({ head, command: undefined } as Parameters<typeof lsof.detect>[0]);

test("nft-blacklist's `Found: 43226 IPv4, 71 IPv6` is not an lsof row; a real IPv6 row still is", () => {
  assert.equal(detect(['Optimizing entries...', 'Found: 43226 IPv4, 71 IPv6', 'Saved: 33059 IPv4, 71 IPv6']), 0);
  assert.ok(detect(['nginx 1580 nginx 6u IPv6 27118 0t0 TCP *:80 (LISTEN)', 'nginx 1580 nginx 7u IPv4 27119 0t0 TCP *:80 (LISTEN)']) > 0);
});

test('leshniak/nft-blacklist#2: its counts make no processes 43226 and 33059', async () => {
  const text = [
    'Optimizing entries...',
    'Found: 43226 IPv4, 71 IPv6',
    'Saved: 33059 IPv4, 71 IPv6',
    '',
    'Applying ruleset...',
    '/var/cache/nft-blacklist/blacklist.nft:30:1-2: Error: Could not process rule: Too many open files in system',
    'add element inet blackhole blacklist_v4 {....',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.deepEqual(
    (result.processes ?? []).map((p) => p.pid),
    [],
  );
});
