// A whole listing by kind whose fds are nearly all regular files, thousands of them, points at the
// process as a candidate of kind file (regular-files-held, weight 1): it never makes a leak alone,
// and a store's files under a known limit, or a count shown flat, are no signal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';
import { typeWord } from '../../src/model/type-counts.js';

const now = new Date('2026-01-01T00:00:00Z');

// GlitterKill/sdl-mcp#12: the tally of `lsof -p 88916` by TYPE, under its ps row (macOS).
const SDL = [
  '### Process',
  '```',
  'PID   PPID  USER         %CPU %MEM ELAPSED COMMAND',
  '88916 88739 username  0.0 13.8   18:15 node /Users/.../.bun/bin/sdl-mcp serve',
  '```',
  '### FD count (`lsof -p 88916`)',
  '```',
  '240476 REG',
  '     4 PIPE',
  '     4 DIR',
  '     3 unix',
  '     3 KQUEUE',
  '```',
];

test('sdl-mcp#12: 240,476 REG rows of 240,490 point at node 88916, kind file, inconclusive', async () => {
  const result = await analyzeTranscript(SDL, 'transcript.md', now);
  const s = result.suspects[0];
  assert.equal(s?.pid, 88916);
  assert.equal(s?.leak.kind, 'file');
  assert.equal(result.verdict, 'inconclusive');
  const r = s?.reasons.find((x) => x.signal === 'regular-files-held');
  assert.equal(r?.weight, 1);
  assert.equal(r?.count, 240476);
});

test('a few hundred REG rows (libraries, a few files) are no signal', async () => {
  const result = await analyzeTranscript(
    SDL.map((l) => (l === '240476 REG' ? '   476 REG' : l)),
    'transcript.md',
    now,
  );
  assert.ok(!(result.suspects[0]?.reasons ?? []).some((x) => x.signal === 'regular-files-held'));
});

test("codegraph#644: the idle daemon's 52,057 REG of a TYPE tally name the unnamed process's kind: file", async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-codegraph-644-macos-lsof-type-tally-52057-reg', 'transcript.md'), { now });
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.leak.kind, 'file');
});

test('a segment store: 12,292 files of 12,896 fds, its count flat for 30 s under a limit of 20,000, stays healthy', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'go-segstore-healthy-large-flat', 'bundle'), { now });
  assert.equal(result.verdict, 'no-leak');
  assert.equal(result.suspects.length, 0);
});

test("a TYPE key's gloss in parentheses is no part of it: `REG (regular files)` is lsof's REG", () => {
  assert.equal(typeWord('REG (regular files)'), 'REG');
  assert.equal(typeWord('PIPE'), 'PIPE');
  // Not a TYPE word, or not a gloss: kept whole.
  assert.equal(typeWord('/var/log/app.log (deleted)'), '/var/log/app.log (deleted)');
  assert.equal(typeWord('java (12)'), 'java (12)');
});

// openclaw/openclaw#3708: the counts printed as `# →` comments under each command
// (`# → 11,055 REG (regular files)` under `lsof -p $(pgrep -f moltbot-gateway) | awk '{print $5}' | …`).
test('openclaw#3708: 11,055 `REG (regular files)` of 11,084 lsof rows point at moltbot-gateway, kind file', async () => {
  const { result } = await analyzeBundle(join(CASES_DIR, 'gh-openclaw-moltbot-venv-arrow-counts', 'transcript.md'), { now });
  const s = result.suspects[0];
  assert.equal(s?.command, 'moltbot-gateway');
  assert.equal(s?.leak.kind, 'file');
  assert.equal(s?.reasons.find((r) => r.signal === 'regular-files-held')?.count, 11055);
  assert.equal(result.verdict, 'inconclusive');
});
