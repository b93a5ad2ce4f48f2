// Round 139: a count left under the fence of its command (k0s#8113): the command alone in a
// ```bash block, its number a paragraph of its own after the closing fence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const K0S = [
  'Total Inotify instances used systemwide.',
  '```bash',
  "find /proc/*/fd -lname 'anon_inode:inotify' 2>/dev/null | wc -l",
  '```',
  '182',
  '',
  'Inotify instances count per UID (limited by fs.inotify.max_user_instances).',
];

test('k0s#8113: a number alone under a block holding only a count command is its output', () => {
  const items = splitTranscript(K0S);
  const count = items.find((it) => it.command?.startsWith('find /proc/*/fd'));
  assert.deepEqual(
    count?.output.map((o) => [o.text, o.line]),
    [['182', 5]],
  );
});

test('a number under a command that prints no one count, or inside a paragraph, is not taken', () => {
  const listing = splitTranscript(['```bash', 'ls -l /proc/42/fd', '```', '182', '']);
  assert.deepEqual(listing.find((it) => it.command === 'ls -l /proc/42/fd')?.output ?? [], []);
  const prose = splitTranscript(['```bash', 'lsof -p 42 | wc -l', '```', '182', 'files, more than before', '']);
  assert.deepEqual(prose.find((it) => it.command === 'lsof -p 42 | wc -l')?.output ?? [], []);
});

test('k0s#8113: the host-wide inotify count is read, names nobody and stays inconclusive', async () => {
  const result = await analyzeTranscript(`${K0S.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
});
