// A prompt its writer set in bold outside any code block, `**root@76793:~#** sysctl fs.file-max`
// (src/bundle/prompts.ts, STRONG_PROMPT): the prompt without Markdown's asterisks. Real lines:
// TelegramMessenger/MTProxy#215 (test/accuracy/cases/gh-mtproxy-enobufs-file-max-ulimit-hn-only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promptCommand } from '../../src/bundle/prompts.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const THREAD = [
  '# MTProxy: "socket(): No buffer space available"',
  '',
  'Source: https://github.com/TelegramMessenger/MTProxy/issues/215 (2018-11-20 / 2018-11-22).',
  'Copied exactly.',
  '',
  'Description:',
  '',
  '```',
  'socket(): No buffer space available',
  '```',
  '',
  'Reporter\'s answer to "Too many opened files? `ulimit` might help you":',
  '',
  'On my VPS-server:',
  '**root@76793:~#** sysctl fs.file-max',
  'fs.file-max = 26383425',
  '**root@76793:~#** ulimit -Hn',
  '1048576',
];

test('a prompt set in bold is a prompt; bold prose, a bold bare sign before prose, and an open bold span are not', () => {
  assert.equal(promptCommand(THREAD[14]), 'sysctl fs.file-max');
  assert.equal(promptCommand(THREAD[16]), 'ulimit -Hn');
  assert.equal(promptCommand('__user@host:~$__ lsof -p 1 | wc -l'), 'lsof -p 1 | wc -l');
  // Emphasis that is no prompt: a note, a bold `#` before a heading's words, a span left open.
  assert.equal(promptCommand('**Note:** raise the limit'), null);
  assert.equal(promptCommand('**#** Steps to reproduce'), null);
  assert.equal(promptCommand('**[root@localhost tscan]# pgrep zdns'), null);
});

test('MTProxy#215: the limits under bold prompts are read, and they show no process healthy', async () => {
  const result = await analyzeTranscript(THREAD, 'transcript.md');
  // Read as a capture (the sysctl and ulimit outputs), not an input nothing in the bundle is.
  assert.ok(result.sources.some((s) => !['unrecognised', 'bundle', 'documentation'].includes(s.kind)));
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
});
