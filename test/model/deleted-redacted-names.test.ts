// A writer who redacts every file's name before pasting (`/media/[REDACTED] (deleted)`) makes each
// row print the same NAME: distinct NODEs under it are distinct files, not one path made again after
// each unlink (a rotation's copies), and many rows under it are not one file opened again and again.
// Real lines: gh-xdg-document-portal-689-lsof-media-redacted-deleted-rows (flatpak/xdg-desktop-portal#689).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';
import { HeldFiles } from '../../src/sources/deleted-bytes.js';
import { redactedName } from '../../src/sources/redacted-name.js';

const now = new Date('2026-01-01T00:00:00Z');
const PORTAL = join(CASES_DIR, 'gh-xdg-document-portal-689-lsof-media-redacted-deleted-rows', 'transcript.md');

const ROWS = [
  'COMMAND       PID   USER   FD   TYPE DEVICE  SIZE/OFF    NODE NAME',
  'xdg-docum 1564418 nurupo   19u   REG  254,1    151987 8912913 /media/[REDACTED] (deleted)',
  'xdg-docum 1564418 nurupo   20u   REG  254,1    826201 8912914 /media/[REDACTED] (deleted)',
  'xdg-docum 1564418 nurupo   21u   REG  254,1   1873749 8912915 /media/[REDACTED] (deleted)',
];

test("the document portal's eight redacted deleted files are eight files held, no rotation's copies: weight 1, inconclusive", async () => {
  const { result } = await analyzeBundle(PORTAL, { now });
  const r = result.suspects[0]?.reasons.find((x) => x.signal === 'deleted-files-held');
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects[0]?.pid, 1564418);
  assert.equal(result.suspects[0]?.leak?.kind, 'deleted-file');
  assert.equal(r?.weight, 1);
  assert.doesNotMatch(r?.statement ?? '', /held deleted on another file/);
});

test('the same rows with their names kept (one real path on three NODEs) are still replaced copies', async () => {
  const named = ROWS.map((l) => l.replace('/media/[REDACTED]', '/media/usb/report.pdf'));
  const result = await analyzeTranscript(named, 'lsof.txt', now);
  const r = result.suspects[0]?.reasons.find((x) => x.signal === 'deleted-files-held');
  assert.equal(r?.weight, 3);
});

test('copyOf names no copy under a redacted name', () => {
  const held = new HeldFiles();
  const h = {};
  assert.equal(held.copyOf(h, '8912913 /media/[REDACTED] (deleted)'), null);
  assert.equal(held.copyOf(h, '8912914 /media/[REDACTED] (deleted)'), null);
  assert.equal(held.copyOf(h, '2282 /run/media/ptomato/(filename redacted) (deleted)'), null);
  assert.equal(held.copyOf(h, '2283 /run/media/ptomato/(filename redacted) (deleted)'), null);
});

test('redactedName reads the last part only', () => {
  for (const p of [
    '/media/[REDACTED]',
    '/media/[REDACTED] (deleted)',
    '/run/media/ptomato/(filename redacted)',
    '/data/<file>',
    '/srv/xxx',
    '/a/***',
    '/a/REDACTED.mp4',
  ])
    assert.equal(redactedName(p), true, p);
  for (const p of [
    '/home/<me>/app.log',
    '/Users/<user>/.hermes/state.db',
    '/var/log/syslog',
    'pipe:[123]',
    '[eventfd]',
    '/tmp/xx',
    '/a/',
    `/a/${'x'.repeat(400)}`,
  ])
    assert.equal(redactedName(p), false, p);
});
