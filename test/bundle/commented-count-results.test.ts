// Round 220: results written as bare comments under their commands (minikube#14277): ```shell
// blocks without prompts, each command followed by `# N`, its output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitTranscript } from '../../src/bundle/transcript.js';
import { analyzeTranscript } from '../analyze-transcript.js';

const MINIKUBE = [
  '*Node Host FDs (kvm2)*',
  '```shell',
  'ulimit -Sn',
  '# 1024',
  'ulimit -Hn',
  '# 524288',
  '```',
  '',
  '*Total amount of all used FDs on Host*',
  '```shell',
  'ls -1 /proc/*/fd | wc -l',
  '# 8953',
  '```',
];

test('minikube#14277: each one-value command takes the bare `# N` under it as its output', () => {
  const items = splitTranscript(MINIKUBE);
  assert.deepEqual(
    items.map((it) => [it.command, it.output.map((o) => [o.text, o.line])]),
    [
      ['ulimit -Sn', [['1024', 4]]],
      ['ulimit -Hn', [['524288', 6]]],
      ['ls -1 /proc/*/fd | wc -l', [['8953', 12]]],
    ],
  );
});

test('a `# N` under a command that prints more than one value stays as it was', () => {
  const items = splitTranscript(['```shell', 'ls -l /proc/42/fd', '# 12', '```']);
  assert.deepEqual(
    items.map((it) => [it.command, it.output.map((o) => o.text)]),
    [['ls -l /proc/42/fd', ['# 12']]],
  );
});

test('a comment of words after the output of a count is still a caption, not output', () => {
  const items = splitTranscript(['```shell', 'lsof -p 42 | wc -l', '17', '# count them again later', '```']);
  assert.deepEqual(
    items.find((it) => it.command === 'lsof -p 42 | wc -l')?.output.map((o) => o.text),
    ['17'],
  );
});

test('minikube#14277: the counts are read, nobody is blamed, inconclusive', async () => {
  const result = await analyzeTranscript(`${MINIKUBE.join('\n')}\n`, 'transcript.md', new Date('2026-01-01T00:00:00Z'));
  assert.equal(result.verdict, 'inconclusive');
  assert.deepEqual(result.suspects, []);
});
