// A tool's diagnostic in the GNU format whose message says it ran out (src/sources/ran-out-shapes.ts
// diagnosticRanOut), pasted with the lines the tool echoes under it. Real lines: nft-blacklist's
// output in leshniak/nft-blacklist#2 (test/accuracy/cases/gh-nft-blacklist-2-nft-set-enfile-not-fd).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnosticRanOut } from '../../src/sources/ran-out-shapes.js';
import { analyzeTranscript } from '../analyze-transcript.js';

test("FILE:LINE[:COL[-COL]]: [fatal ]error: … saying it ran out is a tool's report; a grep of code or prose is not", () => {
  const nft = '/var/cache/nft-blacklist/blacklist.nft:30:1-2: Error: Could not process rule: Too many open files in system';
  assert.equal(diagnosticRanOut(nft), true);
  assert.equal(diagnosticRanOut('x.c:1:10: fatal error: y.h: Too many open files'), true);
  assert.equal(diagnosticRanOut('src/net.c:120:    perror("error: Too many open files");'), false);
  assert.equal(diagnosticRanOut('x.c:1:10: error: expected ";" before "}" token'), false);
  assert.equal(diagnosticRanOut('Error: Too many open files in system at 12:30'), false);
});

test("leshniak/nft-blacklist#2: the ENFILE diagnostic among nft-blacklist's output is read, tied to nobody", async () => {
  const text = [
    'Processing blacklist sources: ........',
    '',
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
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /Could not process rule: Too many open files in system/);
});
