// One path a process holds deleted on two or more files (lsof's NODE differs): the path was made
// again after each unlink and the older copy stayed open — replaced copies, not scratch files,
// even under /tmp/ (a scratch file's name is its own). Real lines:
// gh-fleet-vulndbs-tmp-sqlite-replaced-deleted-held (fleetdm/fleet#42741).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';
import { HeldFiles, addCopy } from '../../src/sources/deleted-bytes.js';

const now = new Date('2026-01-01T00:00:00Z');
const FLEET = join(CASES_DIR, 'gh-fleet-vulndbs-tmp-sqlite-replaced-deleted-held', 'transcript.md');

const analyzeText = (text: string) => analyzeTranscript(text, 'transcript.md', now);

test('two vulnerability databases under /tmp/ each held deleted on two inodes are replaced copies kept open: a leak', async () => {
  const { result } = await analyzeBundle(FLEET, { now });
  const r = result.suspects[0]?.reasons.find((x) => x.signal === 'deleted-files-held');
  assert.equal(result.verdict, 'leak');
  assert.equal(result.suspects[0]?.pid, 1964590);
  assert.equal(result.suspects[0]?.leak?.kind, 'deleted-file');
  assert.equal(r?.weight, 3);
  assert.match(r?.statement ?? '', /held deleted on another file/);
});

test('the same rows on one inode per path (a file open on two fds) are no copies: scratch under /tmp/ stays unblamed as deleted', async () => {
  const text = readFileSync(FLEET, 'utf8').replace('3540319', '3539403').replace('3539406', '3539571');
  const result = await analyzeText(text);
  const r = result.suspects[0]?.reasons.find((x) => x.signal === 'deleted-files-held');
  assert.notEqual(result.verdict, 'leak');
  assert.equal(r, undefined);
});

test('copyOf names a path only from its second NODE on, and a row without a NODE never', () => {
  const held = new HeldFiles();
  const h: { deletedCopies?: string[] } = {};
  assert.equal(held.copyOf(h, '3539403 /tmp/vulndbs/a.sqlite3 (deleted)'), null);
  assert.equal(held.copyOf(h, '3539403 /tmp/vulndbs/a.sqlite3 (deleted)'), null);
  assert.equal(held.copyOf(h, '3540319 /tmp/vulndbs/a.sqlite3 (deleted)'), '/tmp/vulndbs/a.sqlite3');
  assert.equal(held.copyOf(h, null), null);
  addCopy(h, '/tmp/vulndbs/a.sqlite3');
  addCopy(h, '/tmp/vulndbs/a.sqlite3');
  addCopy(h, null);
  assert.deepEqual(h.deletedCopies, ['/tmp/vulndbs/a.sqlite3']);
});
