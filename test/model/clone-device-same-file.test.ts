// A clone device (`/dev/net/tun`, `/dev/ptmx` …) makes a new instance per open: a few dozen fds on
// it are that many queues or terminals held on purpose, no pointer; a pile of it is still a leak.
// Real lines: the captured cases c-tunpool-… (a 32-queue tun pool, healthy) and c-vpnd-… (a tun
// fd per session, never closed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const CASES = join(ROOT, 'test', 'accuracy', 'cases');
const TUNPOOL = readFileSync(join(CASES, 'c-tunpool-nested-epoll-tun-pidfd-lsfd-twice-healthy', 'bundle', 'lsfd-p-7949-2.txt'), 'utf8')
  .split('\n')
  .slice(1); // its `date -u` line
const LIMITS = 'Max open files            1024                 4096                 files     ';

test('32 fds of one multi-queue tun device in a listing of 49: no same-file-open pointer', async () => {
  const r = await analyzeTranscript(['$ lsfd -p 7949', ...TUNPOOL, '$ grep files /proc/7949/limits', LIMITS], 'capture.txt');
  const s = r.suspects.find((x) => x.pid === 7949);
  assert.equal(s?.reasons.some((x) => x.signal === 'same-file-open') ?? false, false);
  assert.equal(r.verdict, 'no-leak');
});

test('a tun fd per session, 110 of the listing: a pile of one device, still same-file-open at 3', async () => {
  const text = readFileSync(join(CASES, 'c-vpnd-tun-per-session-lsof-p-count-twice', 'transcript.md'), 'utf8');
  const r = await analyzeTranscript(text, 'transcript.md');
  const s = r.suspects.find((x) => x.pid === 7935);
  const same = s?.reasons.find((x) => x.signal === 'same-file-open');
  assert.equal(same?.weight, 3);
  assert.equal(r.verdict, 'leak');
});
