// Deleted files a process holds: a handful of scratch files in a temporary folder (tmpfile(3),
// mkstemp(3) + unlink(2)) is how programs use them; the same handful elsewhere points. Real lines:
// blog-mysqld-innodb-tmp-deleted-negative (mysqld's InnoDB and binlog scratch files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBundle } from '../../src/analysis.js';
import { CASES_DIR } from '../accuracy/score.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const MYSQLD = join(CASES_DIR, 'blog-mysqld-innodb-tmp-deleted-negative', 'transcript.md');

const analyzeText = (text: string) => analyzeTranscript(text, 'transcript.md', now);

test("six deleted files in the program's tmp/ folder, each its own, are scratch files deleted on open: nobody is blamed", async () => {
  const { result } = await analyzeBundle(MYSQLD, { now });
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
});

test('the same six deleted files outside a temporary folder point at their process', async () => {
  const text = readFileSync(MYSQLD, 'utf8').replaceAll('/var/lib/mysql/tmp/', '/var/lib/mysql/binlog/');
  const result = await analyzeText(text);
  const r = result.suspects[0]?.reasons.find((x) => x.signal === 'deleted-files-held');
  assert.equal(result.suspects[0]?.pid, 17222);
  assert.equal(r?.weight, 1);
  assert.equal(r?.count, 6);
});

test('a pile of deleted files is decisive wherever they are, a temporary folder too', async () => {
  const text = readFileSync(MYSQLD, 'utf8');
  const row = text.split('\n').find((l) => l.includes('/proc/17222/fd/9 '))!;
  const rows = Array.from({ length: 20 }, (_, i) => row.replace('/fd/9 ', `/fd/${400 + i} `).replace('ibhUCeRO', `ib${1000 + i}`));
  const result = await analyzeText(text.replace(row, [row, ...rows].join('\n')));
  const r = result.suspects[0]?.reasons.find((x) => x.signal === 'deleted-files-held');
  assert.equal(r?.weight, 3);
  assert.equal(r?.count, 26);
});

// Real lines: gh-flink-minicluster-localstate-deleted-dir-pairs-lsof (apache/flink#24212).
const FLINK = join(CASES_DIR, 'gh-flink-minicluster-localstate-deleted-dir-pairs-lsof', 'transcript.md');

test('deleted directories under /tmp/ are no scratch files: five fds on removed localState folders point at their process', async () => {
  const { result } = await analyzeBundle(FLINK, { now });
  const r = result.suspects[0]?.reasons.find((x) => x.signal === 'deleted-files-held');
  assert.equal(result.suspects[0]?.pid, 18162);
  assert.equal(result.suspects[0]?.leak?.kind, 'deleted-file');
  assert.equal(r?.weight, 1);
  assert.equal(r?.count, 5);
});

test('the same five rows as regular files under /tmp/ stay scratch files', async () => {
  const text = readFileSync(FLINK, 'utf8').replaceAll('   DIR   ', '   REG   ');
  const result = await analyzeText(text);
  assert.deepEqual(result.suspects, []);
});
