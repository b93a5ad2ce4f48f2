// Jars whose names differ only in their numbers, each open once, are a jar opened per lookup
// (`new ZipFile(…)` never closed), not a classpath kept open by design: they are files of the sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTranscript } from '../analyze-transcript.js';

const now = new Date('2026-01-01T00:00:00Z');
const analyzeLines = (lines: string[]) => analyzeTranscript(lines, 'transcript.md', now);

// Case java-pluginregistry-zipfile-per-lookup-jul-severe-ls-tail-at-limit (captured, round 296).
const TAIL = [
  '$ ls -l /proc/2545/fd | tail -5',
  'lr-x------ 1 root root 64 Dec  7 19:53 95 -> /tmp/acc296/b/w/plugins/plugin-0089.jar',
  'lr-x------ 1 root root 64 Dec  7 19:53 96 -> /tmp/acc296/b/w/plugins/plugin-0090.jar',
  'lr-x------ 1 root root 64 Dec  7 19:53 97 -> /tmp/acc296/b/w/plugins/plugin-0091.jar',
  'lr-x------ 1 root root 64 Dec  7 19:53 98 -> /tmp/acc296/b/w/plugins/plugin-0092.jar',
  'lr-x------ 1 root root 64 Dec  7 19:53 99 -> /tmp/acc296/b/w/plugins/plugin-0093.jar',
];
const AT_LIMIT = [
  '$ ls /proc/2545/fd | wc -l',
  '256',
  "$ cat /proc/2545/limits | grep -i 'open files'",
  'Max open files            256                  256                  files     ',
];

test('numbered plugin jars in the tail of a table at its limit: a share of files, a leak', async () => {
  const result = await analyzeLines(['```', ...AT_LIMIT, ...TAIL, '```']);
  const s = result.suspects[0];
  assert.equal(s?.pid, 2545);
  assert.equal(s?.leak.kind, 'file');
  const share = s?.reasons.find((r) => r.signal === 'listed-kind-share');
  assert.equal(share?.kind, 'file');
  assert.match(share?.statement ?? '', /5 of the 5 fds listed/);
  assert.equal(result.verdict, 'leak');
});

test('two numbered jars are still code: two versions of one library on a classpath', async () => {
  const two = [
    TAIL[0],
    TAIL[1].replace('plugin-0089', 'guava-30'),
    TAIL[2].replace('plugin-0090', 'guava-31'),
    TAIL[3].replace('plugins/plugin-0091.jar', 'conf/app.yml'),
  ];
  const result = await analyzeLines(['```', ...AT_LIMIT, ...two, '```']);
  const share = result.suspects[0]?.reasons.find((r) => r.signal === 'listed-kind-share');
  assert.ok(!share || /besides its code/.test(share.statement));
});
