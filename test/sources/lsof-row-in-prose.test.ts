// An lsof row quoted inside a paragraph of prose (nextcloud/server#16172, the reporter's own words
// around it; test/accuracy/cases/gh-nextcloud-nginx-fastcgi-tmp-one-deleted-row-partial keeps the
// row and puts the sentences in ours).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSentenceLine } from '../../src/sources/lsof-words.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const ROW = 'nginx 1580 nginx 21u REG 253,4 268435456 430373 /var/lib/nginx/tmp/fastcgi/7/20/0000000207 (deleted)';

test('a sentence around a quoted row, not a row or an output line', () => {
  assert.equal(isSentenceLine('/var fills up because of file locks'), true);
  assert.equal(isSentenceLine('Only restarting nginx releases the files and free up disk space.'), true);
  assert.equal(isSentenceLine(ROW), false);
  assert.equal(isSentenceLine('total 0'), false);
  assert.equal(isSentenceLine('tcp 0 0 10.0.0.1:443 10.0.0.2:5000 CLOSE_WAIT 1234/nginx'), false);
  assert.equal(isSentenceLine(`${'word '.repeat(200)}`), false);
});

test('the row in its paragraph is read: nginx 1580 holds one deleted fastcgi buffer, no leak shown', async () => {
  const text = [
    'The issue you are facing:',
    '/var fills up because of file locks',
    ROW,
    'Only restarting nginx releases the files and free up disk space.',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'issue.md', now);
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
  assert.ok((result.processes ?? []).some((p) => p.pid === 1580));
});
