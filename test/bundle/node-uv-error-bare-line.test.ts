// Node 0.x's error line pasted as plain text before the first prompt of a paste is a line of output
// of its own (src/bundle/code-spans.ts bareLogRecord, NODE_UV_ERROR). Real lines: expressjs/express#734
// (test/accuracy/cases/gh-express-static-ab-c1000-stream-emfile-ulimit-1024).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareLogRecord } from '../../src/bundle/code-spans.js';
import { analyzeTranscript } from '../analyze-transcript.js';

test("node 0.x's `Error: EMFILE, …` line is a record; a sentence naming EMFILE is not", () => {
  assert.equal(bareLogRecord("Error: EMFILE, Too many open files '/home/damiano/node/mywebsite.it/static/css/default.css'"), true);
  assert.equal(bareLogRecord("Error: EMFILE, open '/opt/sinopia/storage/pkg/package.json'"), true);
  assert.equal(bareLogRecord('Error: EMFILE, too many open files'), true);
  assert.equal(bareLogRecord('Error: EMFILE, what should I do?'), false);
  assert.equal(bareLogRecord('I get Error: EMFILE, too many open files when I run it'), false);
  assert.equal(bareLogRecord('Error: EBADF, Bad file descriptor'), false);
});

test('express#734: the uncaught EMFILE above `ulimit -a` is read, nobody blamed', async () => {
  const text = [
    'ab -n 10000 -c 1000 http://127.0.0.1:3000/css/default.css',
    '(Total of 15 requests completed)',
    '',
    'This test blocks the server, with the follow error:',
    '',
    'stream.js:99',
    '      throw er; // Unhandled stream error in pipe.',
    '      ^',
    "Error: EMFILE, Too many open files '/home/damiano/node/mywebsite.it/static/css/default.css'",
    '',
    'is it a bug?',
    '',
    'damiano@damiano-P5K-VM:~$ ulimit -a',
    'core file size          (blocks, -c) 0',
    'open files                      (-n) 1024',
    'file locks                      (-x) unlimited',
    '',
  ].join('\n');
  const result = await analyzeTranscript(text, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.equal(result.suspects.length, 0);
  assert.match(result.unownedRanOut?.message ?? '', /^Error: EMFILE, Too many open files '/);
});
